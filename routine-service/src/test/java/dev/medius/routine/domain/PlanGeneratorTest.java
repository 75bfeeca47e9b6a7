package dev.medius.routine.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.medius.events.catalog.ExercisePublished;
import dev.medius.routine.domain.AthleteProfile.Level;
import dev.medius.routine.support.ExerciseLibrary;

class PlanGeneratorTest {

    private final PlanGenerator generator = new PlanGenerator();
    private final List<ExercisePublished> library = ExerciseLibrary.exercises();

    private static AthleteProfile deskWorker(Set<String> painAreas) {
        return AthleteProfile.of(Level.BEGINNER, "desk-bound", List.of("glute-activation"), Set.of("mini-band"), 3, 20,
                6, LocalDate.of(2026, 11, 30), painAreas, Set.of());
    }

    @Test
    void beginnerDeskWorkerWithOnlyAMiniBandGetsBandedGluteusMediusWorkIncludingTheSeedExercisesAtTheirDose() {
        Plan plan = generator.generate(deskWorker(Set.of()), library);

        List<Plan.Item> items = plan.sessions().flatMap(Plan.Session::items).collect(Collectors.toList());
        Set<String> slugs = items.stream().map(Plan.Item::slug).collect(Collectors.toSet());
        assertThat(ExerciseLibrary.seedSlugs()).hasSize(3);
        assertThat(slugs).containsAll(ExerciseLibrary.seedSlugs());
        plan.sessions().forEach(session -> assertThat(session.items())
                .anyMatch(item -> item.muscles().contains("gluteus-medius") && item.bandResistance() != null));
        for (Plan.Item item : items) {
            ExercisePublished exercise = ExerciseLibrary.bySlug(item.slug());
            assertThat(exercise.equipment()).as(item.slug()).isSubsetOf("mini-band", "wall");
            assertThat(exercise.level()).isEqualTo("beginner");
        }
        // the founding article's doses reach a beginner unchanged in the first week
        for (String seed : ExerciseLibrary.seedSlugs()) {
            var prescription = ExerciseLibrary.bySlug(seed).prescription();
            Plan.Item first = itemOf(plan, 1, seed);
            assertThat(first.sets()).as(seed).isEqualTo(prescription.sets());
            assertThat(first.repsMin()).as(seed).isEqualTo(prescription.repsMin());
        }
        assertThat(plan.sessions()).hasSize(18)
                .allSatisfy(session -> assertThat(session.estimatedMinutes()).isLessThanOrEqualTo(20.0));
        assertThat(plan.safety()).hasSize(2);
    }

    @Test
    void acuteKneePainLeavesOutEveryExerciseContraindicatedForItOrLoadingTheKnee() {
        AthleteProfile profile = deskWorker(Set.of("knee"));
        Plan plan = generator.generate(profile, library);

        plan.sessions().flatMap(Plan.Session::items).forEach(item -> {
            ExercisePublished exercise = ExerciseLibrary.bySlug(item.slug());
            assertThat(Contraindications.against(profile, exercise)).as(item.slug()).isEmpty();
            assertThat(exercise.painAreasToAvoid()).as(item.slug()).doesNotContain("knee");
        });
        assertThat(plan.notes()).anyMatch(note -> note.contains("acute knee"));
    }

    @Test
    void sessionsFallOnSpreadWeekdaysFromTheStartDate() {
        Plan plan = generator.generate(deskWorker(Set.of()), library);

        List<LocalDate> firstWeek = plan.weeks().get(0).sessions().stream().map(Plan.Session::date).collect(Collectors.toList());
        assertThat(firstWeek).extracting(LocalDate::getDayOfWeek)
                .containsExactly(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
        assertThat(plan.weeks().get(1).sessions().get(0).date()).isEqualTo(LocalDate.of(2026, 12, 7));
    }

    @Test
    void sixSessionsAWeekAlternateStrengthWithLowLoadRecoveryDays() {
        AthleteProfile profile = AthleteProfile.of(Level.INTERMEDIATE, "running", List.of("knee"),
                Set.of("mini-band", "step"), 6, 40, 2, LocalDate.of(2026, 12, 7), Set.of(), Set.of());
        Plan plan = generator.generate(profile, library);

        List<Plan.Session> week = plan.weeks().get(0).sessions();
        for (int i = 0; i < week.size(); i++) {
            boolean strength = week.get(i).blocks().stream().anyMatch(b -> b.kind().equals("strength"));
            assertThat(strength).as("session %d", i).isEqualTo(i % 2 == 0);
            if (!strength) {
                assertThat(week.get(i).title()).contains("recovery");
                assertThat(week.get(i).items()).allSatisfy(item -> {
                    assertThat(item.sets()).isEqualTo(1);
                    assertThat(item.targetRpe()).isEqualTo(StartingDose.RECOVERY_RPE);
                });
            }
        }
        assertThat(plan.notes()).anyMatch(note -> note.contains("48 hours"));
    }

    @Test
    void strengthDaysNeverFollowEachOtherAcrossTheWeekBoundary() {
        assertThat(PlanGenerator.strengthDays(new int[] { 0 })).containsExactly(true);
        assertThat(PlanGenerator.strengthDays(new int[] { 0, 2, 4 })).containsExactly(true, true, true);
        assertThat(PlanGenerator.strengthDays(new int[] { 0, 2, 4, 5 })).containsExactly(true, true, true, false);
        assertThat(PlanGenerator.strengthDays(new int[] { 0, 1, 2, 3, 4 })).containsExactly(true, false, true, false, true);
        assertThat(PlanGenerator.strengthDays(new int[] { 0, 1, 2, 3, 4, 5, 6 }))
                .containsExactly(true, false, true, false, true, false, false);
        assertThat(PlanGenerator.strengthDays(new int[] { 0, 3, 6 })).containsExactly(true, true, false);
    }

    @Test
    void onceAWeekCarriesAWarningAndDeloadsComeByLevel() {
        AthleteProfile profile = AthleteProfile.of(Level.BEGINNER, "general", List.of(), Set.of(), 1, 30, 12,
                LocalDate.of(2026, 12, 7), Set.of(), Set.of());
        Plan plan = generator.generate(profile, library);

        assertThat(plan.notes()).anyMatch(note -> note.startsWith("Warning") && note.contains("ACSM 2009"));
        assertThat(plan.weeks()).filteredOn(Plan.Week::deload).extracting(Plan.Week::number).containsExactly(6, 12);
        assertThat(PlanGenerator.deloadEvery(Level.BEGINNER)).isEqualTo(6);
        assertThat(PlanGenerator.deloadEvery(Level.INTERMEDIATE)).isEqualTo(5);
        assertThat(PlanGenerator.deloadEvery(Level.ADVANCED)).isEqualTo(4);
        // the plan moves on: week 5 is not week 1 again
        assertThat(plan.weeks().get(4).sessions()).isNotEqualTo(plan.weeks().get(0).sessions());
    }

    @Test
    void repsClimbWeekByWeekWithinTheVolumeBoundAndTheLighterWeekIsLighter() {
        AthleteProfile profile = AthleteProfile.of(Level.BEGINNER, "running", List.of("knee"), Set.of("mini-band"), 2, 45,
                8, LocalDate.of(2026, 12, 7), Set.of(), Set.of());
        Plan plan = generator.generate(profile, library);

        int previous = 0;
        for (int week = 1; week <= 5; week++) {
            int volume = plan.weeks().get(week - 1).sessions().stream().flatMap(Plan.Session::items)
                    .mapToInt(Plan.Item::volume).sum();
            assertThat(volume).isGreaterThanOrEqualTo(previous);
            previous = volume;
        }
        assertThat(plan.weeks().get(5).deload()).isTrue();
        int week6 = plan.weeks().get(5).sessions().stream().flatMap(Plan.Session::items).mapToInt(Plan.Item::volume).sum();
        assertThat(week6).isLessThan(previous);
        assertThat(plan.weeks().get(1).sessions().stream().flatMap(Plan.Session::items))
                .anyMatch(item -> item.adjustment() != null && item.adjustment().startsWith("week 2"));
    }

    @Test
    void sameProfileGivesTheSamePlanWhateverTheCatalogOrder() {
        AthleteProfile profile = deskWorker(Set.of("knee"));
        List<ExercisePublished> reversed = new java.util.ArrayList<>(library);
        java.util.Collections.reverse(reversed);

        assertThat(generator.generate(profile, reversed)).isEqualTo(generator.generate(profile, library));
    }

    @Test
    void aCatalogOfStrengthWorkAloneStillGivesRecoveryDaysOneEasySet() {
        AthleteProfile profile = AthleteProfile.of(Level.BEGINNER, "general", List.of(), Set.of(), 7, 20, 1,
                LocalDate.of(2026, 12, 7), Set.of(), Set.of());
        Plan plan = generator.generate(profile, List.of(ExerciseLibrary.bySlug("bodyweight-squat")));

        assertThat(plan.sessions()).hasSize(7).allSatisfy(session -> assertThat(session.items()).hasSize(1));
        List<Plan.Session> week = plan.weeks().get(0).sessions();
        for (int i = 1; i < week.size(); i += 2) {
            assertThat(week.get(i).blocks()).extracting(Plan.Block::kind).containsExactly("activation");
            assertThat(week.get(i).items()).allSatisfy(item -> {
                assertThat(item.sets()).isEqualTo(1);
                assertThat(item.targetRpe()).isEqualTo(StartingDose.RECOVERY_RPE);
            });
        }
    }

    @Test
    void catalogWithNothingThatFitsIsRefused() {
        AthleteProfile profile = AthleteProfile.of(Level.BEGINNER, "general", List.of(), Set.of(), 2, 30, 2,
                LocalDate.of(2026, 12, 7), Set.of(), Set.of());
        assertThatThrownBy(() -> generator.generate(profile, List.of(ExerciseLibrary.bySlug("hip-thrust"))))
                .isInstanceOf(PlanGenerator.NoEligibleExercise.class);
    }

    private static Plan.Item itemOf(Plan plan, int week, String slug) {
        return plan.weeks().get(week - 1).sessions().stream().flatMap(Plan.Session::items)
                .filter(item -> item.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new AssertionError(slug + " not in week " + week));
    }
}
