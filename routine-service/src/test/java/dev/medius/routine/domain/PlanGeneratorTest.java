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

    private static AthleteProfile deskWorkerWithMiniBandAndKneePain() {
        return new AthleteProfile(Level.BEGINNER, "desk-bound", List.of("glute-activation"), Set.of("mini-band"), 3, 20,
                6, LocalDate.of(2026, 11, 30), Set.of("knee"), Set.of());
    }

    @Test
    void beginnerDeskWorkerWithOnlyAMiniBandAndKneePainGetsBandedGluteusMediusWorkIncludingTheSeedExercises() {
        Plan plan = generator.generate(deskWorkerWithMiniBandAndKneePain(), library);

        List<Plan.Item> items = plan.sessions().flatMap(Plan.Session::items).collect(Collectors.toList());
        Set<String> slugs = items.stream().map(Plan.Item::slug).collect(Collectors.toSet());
        assertThat(ExerciseLibrary.seedSlugs()).hasSize(3);
        assertThat(slugs).containsAll(ExerciseLibrary.seedSlugs());
        assertThat(slugs).contains("lateral-band-walk", "banded-glute-bridge-abduction", "squat-with-lateral-leg-raise");
        // every session has banded gluteus medius work
        plan.sessions().forEach(session -> assertThat(session.items())
                .anyMatch(item -> item.muscles().contains("gluteus-medius") && item.bandResistance() != null));
        // nothing that needs anything but the mini band, and nothing that spares a painful knee
        for (Plan.Item item : items) {
            ExercisePublished exercise = ExerciseLibrary.bySlug(item.slug());
            assertThat(exercise.equipment()).as(item.slug()).isSubsetOf("mini-band");
            assertThat(exercise.painAreasToAvoid()).as(item.slug()).doesNotContain("knee");
            assertThat(exercise.level()).isEqualTo("beginner");
        }
        assertThat(plan.sessions()).hasSize(18)
                .allSatisfy(session -> assertThat(session.estimatedMinutes()).isLessThanOrEqualTo(20.0));
    }

    @Test
    void sessionsFallOnSpreadWeekdaysFromTheStartDate() {
        Plan plan = generator.generate(deskWorkerWithMiniBandAndKneePain(), library);

        List<LocalDate> firstWeek = plan.weeks().get(0).sessions().stream().map(Plan.Session::date).collect(Collectors.toList());
        assertThat(firstWeek).containsExactly(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 4));
        assertThat(firstWeek).extracting(LocalDate::getDayOfWeek)
                .containsExactly(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
        assertThat(plan.weeks().get(1).sessions().get(0).date()).isEqualTo(LocalDate.of(2026, 12, 7));
    }

    @Test
    void repsClimbToTheTopOfTheRangeThenASetIsAddedAndTheFourthWeekIsLighter() {
        AthleteProfile profile = new AthleteProfile(Level.BEGINNER, "running", List.of("knee"), Set.of("mini-band"), 2, 45,
                8, LocalDate.of(2026, 12, 7), Set.of(), Set.of());
        Plan plan = generator.generate(profile, library);

        Plan.Item week1 = itemOf(plan, 1, "banded-glute-bridge-abduction");
        Plan.Item week2 = itemOf(plan, 2, "banded-glute-bridge-abduction");
        Plan.Item week4 = itemOf(plan, 4, "banded-glute-bridge-abduction");
        assertThat(week1.targetReps()).isEqualTo(10);
        assertThat(week2.targetReps()).isEqualTo(12);
        assertThat(week2.adjustment()).contains("reps 10 -> 12");
        assertThat(plan.weeks().get(3).deload()).isTrue();
        assertThat(week4.volume()).isLessThan(itemOf(plan, 3, "banded-glute-bridge-abduction").volume());
        Plan.Item squat = itemOf(plan, 1, "squat-with-lateral-leg-raise");
        Plan.Item squatLater = itemOf(plan, 2, "squat-with-lateral-leg-raise");
        // 10-10 range: already at the top, so the next step is a set
        assertThat(squatLater.sets()).isEqualTo(squat.sets() + 1);
    }

    @Test
    void sameProfileGivesTheSamePlanWhateverTheCatalogOrder() {
        AthleteProfile profile = deskWorkerWithMiniBandAndKneePain();
        List<ExercisePublished> reversed = new java.util.ArrayList<>(library);
        java.util.Collections.reverse(reversed);

        assertThat(generator.generate(profile, reversed)).isEqualTo(generator.generate(profile, library));
    }

    @Test
    void catalogWithNothingThatFitsIsRefused() {
        AthleteProfile profile = new AthleteProfile(Level.BEGINNER, "general", List.of(), Set.of(), 2, 30, 2,
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
