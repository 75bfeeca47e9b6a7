package dev.medius.routine.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.medius.events.catalog.ExercisePublished;
import dev.medius.routine.domain.AthleteProfile.Level;
import dev.medius.routine.support.ExerciseLibrary;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties every generated plan keeps, over many random valid profiles. */
class PlanGeneratorPropertiesTest {

    private static final List<String> EQUIPMENT = List.of("mini-band", "long-band", "dumbbell", "kettlebell", "bench",
            "step", "mat", "wall", "cable");
    private static final List<String> PAIN_AREAS = List.of("knee", "hip", "ankle", "low-back");
    private static final List<String> GOALS = List.of("knee", "acl", "patellofemoral", "ankle", "low-back",
            "glute-activation");
    private static final List<String> SPORTS = List.of("running", "cycling", "soccer", "general", "desk-bound");

    private final PlanGenerator generator = new PlanGenerator();
    private final List<ExercisePublished> library = ExerciseLibrary.exercises();

    @Provide
    Arbitrary<AthleteProfile> profiles() {
        List<String> slugs = library.stream().map(ExercisePublished::slug).collect(Collectors.toList());
        return Builders.withBuilder(ProfileDraft::new)
                .use(Arbitraries.of(Level.class)).in((d, v) -> { d.level = v; return d; })
                .use(Arbitraries.of(SPORTS)).in((d, v) -> { d.sport = v; return d; })
                .use(Arbitraries.of(GOALS).list().uniqueElements().ofMaxSize(3)).in((d, v) -> { d.goals = v; return d; })
                .use(Arbitraries.of(EQUIPMENT).set().ofMaxSize(5)).in((d, v) -> { d.equipment = v; return d; })
                .use(Arbitraries.integers().between(1, 6)).in((d, v) -> { d.sessionsPerWeek = v; return d; })
                .use(Arbitraries.integers().between(10, 90)).in((d, v) -> { d.minutes = v; return d; })
                .use(Arbitraries.integers().between(1, 16)).in((d, v) -> { d.weeks = v; return d; })
                .use(Arbitraries.integers().between(0, 900)).in((d, v) -> { d.startOffset = v; return d; })
                .use(Arbitraries.of(PAIN_AREAS).set().ofMaxSize(2)).in((d, v) -> { d.pain = v; return d; })
                .use(Arbitraries.of(slugs).set().ofMaxSize(6)).in((d, v) -> { d.exclusions = v; return d; })
                .build(ProfileDraft::profile);
    }

    @Property(tries = 300)
    void usesOnlyEquipmentTheAthleteHasAndNothingExcludedOrPainful(@ForAll("profiles") AthleteProfile profile) {
        Plan plan = generator.generate(profile, library);
        plan.sessions().flatMap(Plan.Session::items).forEach(item -> {
            ExercisePublished exercise = ExerciseLibrary.bySlug(item.slug());
            Set<String> allowed = new HashSet<>(profile.equipment());
            allowed.add("bodyweight");
            assertThat(allowed).as(item.slug()).containsAll(exercise.equipment());
            assertThat(profile.exclusions()).doesNotContain(item.slug(), item.exerciseId());
            assertThat(exercise.painAreasToAvoid()).as(item.slug()).noneMatch(profile.painAreas()::contains);
            assertThat(exercise.contraindications()).as(item.slug()).noneMatch(profile.painAreas()::contains);
            assertThat(Level.of(exercise.level()).ordinal()).isLessThanOrEqualTo(profile.level().ordinal());
        });
    }

    @Property(tries = 300)
    void keepsEverySessionWithinItsMinutes(@ForAll("profiles") AthleteProfile profile) {
        Plan plan = generator.generate(profile, library);
        plan.sessions().forEach(session -> {
            List<Plan.Item> items = session.items().collect(Collectors.toList());
            assertThat(items).isNotEmpty();
            int seconds = items.stream().mapToInt(SessionTime::seconds).sum();
            assertThat(seconds).as(session.title()).isLessThanOrEqualTo(profile.minutesPerSession() * 60);
            assertThat(session.estimatedMinutes()).isLessThanOrEqualTo(profile.minutesPerSession());
        });
    }

    @Property(tries = 300)
    void schedulesExactlyTheSessionsAndWeeksAskedOnDistinctDaysFromTheStart(@ForAll("profiles") AthleteProfile profile) {
        Plan plan = generator.generate(profile, library);
        assertThat(plan.weeks()).hasSize(profile.weeks());
        plan.weeks().forEach(week -> assertThat(week.sessions()).hasSize(profile.sessionsPerWeek()));
        List<LocalDate> dates = plan.sessions().map(Plan.Session::date).collect(Collectors.toList());
        assertThat(dates).hasSize(profile.weeks() * profile.sessionsPerWeek()).doesNotHaveDuplicates().isSorted();
        assertThat(dates.get(0)).isEqualTo(profile.startDate());
        plan.weeks().forEach(week -> week.sessions().forEach(session -> assertThat(session.date())
                .isBetween(profile.startDate().plusDays(7L * (week.number() - 1)),
                        profile.startDate().plusDays(7L * week.number() - 1))));
    }

    @Property(tries = 300)
    void volumeNeverFallsExceptInTheLighterWeeks(@ForAll("profiles") AthleteProfile profile) {
        Plan plan = generator.generate(profile, library);
        for (int slot = 0; slot < profile.sessionsPerWeek(); slot++) {
            Integer lastHardWeek = null;
            Integer previous = null;
            for (Plan.Week week : plan.weeks()) {
                int volume = week.sessions().get(slot).items().mapToInt(Plan.Item::volume).sum();
                if (week.deload()) {
                    assertThat(week.number() % PlanGenerator.DELOAD_EVERY).isZero();
                    assertThat(volume).isLessThanOrEqualTo(previous);
                } else {
                    if (lastHardWeek != null) {
                        assertThat(volume).as("week %d slot %d", week.number(), slot).isGreaterThanOrEqualTo(lastHardWeek);
                    }
                    lastHardWeek = volume;
                }
                previous = volume;
            }
        }
    }

    @Property(tries = 300)
    void balancesMovementPatternsWithinEachSession(@ForAll("profiles") AthleteProfile profile) {
        Plan plan = generator.generate(profile, library);
        plan.sessions().forEach(session -> {
            List<Plan.Item> items = session.items().collect(Collectors.toList());
            assertThat(items).extracting(Plan.Item::slug).doesNotHaveDuplicates();
            items.stream().collect(Collectors.groupingBy(Plan.Item::pattern, Collectors.counting()))
                    .forEach((pattern, count) -> assertThat(count).as(pattern).isLessThanOrEqualTo(2));
        });
    }

    @Property(tries = 200)
    void identicalInputGivesIdenticalPlan(@ForAll("profiles") AthleteProfile profile) {
        List<ExercisePublished> shuffled = new ArrayList<>(library);
        java.util.Collections.shuffle(shuffled, new java.util.Random(profile.hashCode()));
        assertThat(generator.generate(profile, shuffled)).isEqualTo(generator.generate(profile, library));
    }

    @Property(tries = 300)
    void everyItemCarriesARationaleWithItsEvidence(@ForAll("profiles") AthleteProfile profile) {
        Plan plan = generator.generate(profile, library);
        plan.sessions().flatMap(Plan.Session::items).forEach(item -> {
            assertThat(item.rationale()).isNotBlank();
            assertThat(item.sourceKeys()).isNotEmpty();
            assertThat(item.rationale()).contains(item.sourceKeys().get(0));
            assertThat(item.targetRpe()).isBetween(5.0, 9.0);
            assertThat(item.targetReps() != null || item.holdSeconds() != null).isTrue();
        });
    }

    static final class ProfileDraft {
        Level level;
        String sport;
        List<String> goals;
        Set<String> equipment;
        int sessionsPerWeek;
        int minutes;
        int weeks;
        int startOffset;
        Set<String> pain;
        Set<String> exclusions;

        AthleteProfile profile() {
            return new AthleteProfile(level, sport, goals, equipment, sessionsPerWeek, minutes, weeks,
                    LocalDate.of(2026, 1, 5).plusDays(startOffset), pain, exclusions);
        }
    }
}
