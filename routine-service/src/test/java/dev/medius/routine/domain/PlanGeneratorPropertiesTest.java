package dev.medius.routine.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.medius.events.Vocabulary;
import dev.medius.events.catalog.ExercisePublished;
import dev.medius.routine.domain.AthleteProfile.Level;
import dev.medius.routine.support.ExerciseLibrary;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties every generated plan keeps, over many random valid profiles (docs/coaching.md states each rule). */
class PlanGeneratorPropertiesTest {

    private static final List<String> EQUIPMENT = List.of("mini-band", "long-band", "dumbbell", "kettlebell", "bench",
            "step", "mat", "wall", "cable", "anchor");
    private static final List<String> GOALS = Terms.values(Terms.Kind.GOAL);
    private static final List<String> SPORTS = Terms.values(Terms.Kind.SPORT);

    private final PlanGenerator generator = new PlanGenerator();
    private final List<ExercisePublished> library = ExerciseLibrary.exercises();

    @Provide
    Arbitrary<AthleteProfile.Pain> pains() {
        return Combinators.combine(Arbitraries.of(Vocabulary.PAIN_AREAS), Arbitraries.integers().between(0, 7),
                Arbitraries.of(Vocabulary.ONSETS)).as(AthleteProfile.Pain::new);
    }

    @Provide
    Arbitrary<AthleteProfile> profiles() {
        List<String> slugs = library.stream().map(ExercisePublished::slug).collect(Collectors.toList());
        return Builders.withBuilder(ProfileDraft::new)
                .use(Arbitraries.of(Level.class)).in((d, v) -> { d.level = v; return d; })
                .use(Arbitraries.of(SPORTS)).in((d, v) -> { d.sport = v; return d; })
                .use(Arbitraries.of(GOALS).list().uniqueElements().ofMaxSize(3)).in((d, v) -> { d.goals = v; return d; })
                .use(Arbitraries.of(EQUIPMENT).set().ofMaxSize(6)).in((d, v) -> { d.equipment = v; return d; })
                .use(Arbitraries.integers().between(1, 7)).in((d, v) -> { d.sessionsPerWeek = v; return d; })
                .use(Arbitraries.integers().between(10, 120)).in((d, v) -> { d.minutes = v; return d; })
                .use(Arbitraries.integers().between(1, 24)).in((d, v) -> { d.weeks = v; return d; })
                .use(Arbitraries.integers().between(0, 900)).in((d, v) -> { d.startOffset = v; return d; })
                .use(pains().list().ofMaxSize(2).uniqueElements(AthleteProfile.Pain::area)).in((d, v) -> { d.pain = v; return d; })
                .use(Arbitraries.of(slugs).set().ofMaxSize(4)).in((d, v) -> { d.exclusions = v; return d; })
                .build(ProfileDraft::profile);
    }

    /** The plan, or null when the catalog has nothing this athlete may do (a 422 over HTTP). */
    private Plan plan(AthleteProfile profile) {
        try {
            return generator.generate(profile, library);
        } catch (PlanGenerator.NoEligibleExercise e) {
            assertThat(Eligibility.eligible(profile, library)).isEmpty();
            return null;
        }
    }

    @Property(tries = 300)
    void noItemIsContraindicatedExcludedBeyondTheLevelOrNeedsMissingEquipment(@ForAll("profiles") AthleteProfile profile) {
        Plan plan = plan(profile);
        if (plan == null) {
            return;
        }
        plan.sessions().flatMap(Plan.Session::items).forEach(item -> {
            ExercisePublished exercise = ExerciseLibrary.bySlug(item.slug());
            Set<String> allowed = new HashSet<>(profile.equipment());
            allowed.addAll(Vocabulary.ALWAYS_AVAILABLE);
            assertThat(allowed).as(item.slug()).containsAll(exercise.equipment());
            assertThat(profile.exclusions()).doesNotContain(item.slug(), item.exerciseId());
            assertThat(Contraindications.against(profile, exercise)).as(item.slug()).isEmpty();
            for (String area : profile.painAreas()) {
                assertThat(exercise.painAreasToAvoid()).as(item.slug()).noneMatch(a -> Vocabulary.concerns(area, a));
            }
            assertThat(Level.of(exercise.level()).ordinal()).isLessThanOrEqualTo(profile.level().ordinal());
            assertThat(item.painMonitoring()).isNotBlank();
        });
        assertThat(plan.safety()).isNotEmpty();
    }

    @Property(tries = 200)
    void painNeverRaisesAnExercisesRank(@ForAll("profiles") AthleteProfile profile) {
        AthleteProfile painless = new AthleteProfile(profile.level(), profile.sport(), profile.goals(),
                profile.equipment(), profile.sessionsPerWeek(), profile.minutesPerSession(), profile.weeks(),
                profile.startDate(), List.of(), profile.exclusions(), profile.redFlags());
        Set<String> conditions = EvidenceRank.targetConditions(profile);
        assertThat(conditions).isEqualTo(EvidenceRank.targetConditions(painless));
        for (ExercisePublished exercise : library) {
            assertThat(EvidenceRank.score(exercise, conditions, profile)).as(exercise.slug())
                    .isLessThanOrEqualTo(EvidenceRank.score(exercise, conditions, painless));
        }
        // an exercise loading a painful area never gains a place on one that does not
        List<ExercisePublished> ranked = library.stream().sorted(EvidenceRank.order(conditions, profile)).toList();
        List<ExercisePublished> before = library.stream().sorted(EvidenceRank.order(conditions, painless)).toList();
        for (AthleteProfile.Pain pain : profile.pain()) {
            for (ExercisePublished loading : library) {
                if (!Contraindications.loads(loading, pain.area())) {
                    continue;
                }
                for (ExercisePublished other : library) {
                    if (!Contraindications.loads(other, pain.area()) && before.indexOf(other) < before.indexOf(loading)) {
                        assertThat(ranked.indexOf(other)).isLessThan(ranked.indexOf(loading));
                    }
                }
            }
        }
    }

    @Property(tries = 300)
    void keepsEverySessionWithinItsMinutesAndNeverRepeatsAnExercise(@ForAll("profiles") AthleteProfile profile) {
        Plan plan = plan(profile);
        if (plan == null) {
            return;
        }
        plan.sessions().forEach(session -> {
            List<Plan.Item> items = session.items().collect(Collectors.toList());
            assertThat(items).isNotEmpty();
            assertThat(items).extracting(Plan.Item::exerciseId).doesNotHaveDuplicates();
            int seconds = items.stream().mapToInt(SessionTime::seconds).sum();
            assertThat(seconds).as(session.title()).isLessThanOrEqualTo(profile.minutesPerSession() * 60);
            assertThat(session.estimatedMinutes()).isLessThanOrEqualTo(profile.minutesPerSession());
            items.stream().collect(Collectors.groupingBy(Plan.Item::pattern, Collectors.counting()))
                    .forEach((pattern, count) -> assertThat(count).as(pattern).isLessThanOrEqualTo(2));
        });
    }

    @Property(tries = 300)
    void noPrimaryMuscleGetsStrengthWorkOnConsecutiveDays(@ForAll("profiles") AthleteProfile profile) {
        Plan plan = plan(profile);
        if (plan == null) {
            return;
        }
        List<Plan.Session> sessions = plan.sessions().toList();
        for (int i = 1; i < sessions.size(); i++) {
            Plan.Session yesterday = sessions.get(i - 1);
            Plan.Session today = sessions.get(i);
            if (ChronoUnit.DAYS.between(yesterday.date(), today.date()) > 1) {
                continue;
            }
            Set<String> loaded = strengthPrimaries(yesterday);
            loaded.retainAll(strengthPrimaries(today));
            assertThat(loaded).as("%s then %s", yesterday.date(), today.date()).isEmpty();
        }
    }

    @Property(tries = 300)
    void weeklyVolumeGrowsWithinTheBoundFromOneLoadingWeekToTheNext(@ForAll("profiles") AthleteProfile profile) {
        Plan plan = plan(profile);
        if (plan == null) {
            return;
        }
        Integer lastLoading = null;
        for (Plan.Week week : plan.weeks()) {
            int volume = week.sessions().stream().flatMap(Plan.Session::items).mapToInt(Plan.Item::volume).sum();
            if (week.deload()) {
                assertThat(week.number() % PlanGenerator.deloadEvery(profile.level())).isZero();
                assertThat(volume).isLessThanOrEqualTo(lastLoading);
                continue;
            }
            if (lastLoading != null) {
                // a move up the ladder or to a new exercise may lower it; nothing raises it past the bound
                assertThat(volume).as("week %d", week.number())
                        .isLessThanOrEqualTo((int) Math.floor(lastLoading * (1 + PlanGenerator.MAX_WEEKLY_VOLUME_GROWTH)));
            }
            lastLoading = volume;
        }
    }

    @Property(tries = 300)
    void schedulesExactlyTheSessionsAndWeeksAskedOnDistinctDaysFromTheStart(@ForAll("profiles") AthleteProfile profile) {
        Plan plan = plan(profile);
        if (plan == null) {
            return;
        }
        assertThat(plan.weeks()).hasSize(profile.weeks());
        plan.weeks().forEach(week -> assertThat(week.sessions()).hasSize(profile.sessionsPerWeek()));
        List<LocalDate> dates = plan.sessions().map(Plan.Session::date).collect(Collectors.toList());
        assertThat(dates).hasSize(profile.weeks() * profile.sessionsPerWeek()).doesNotHaveDuplicates().isSorted();
        assertThat(dates.get(0)).isEqualTo(profile.startDate());
        if (profile.sessionsPerWeek() < PlanGenerator.MIN_EFFECTIVE_FREQUENCY) {
            assertThat(plan.notes()).anyMatch(note -> note.startsWith("Warning"));
        }
    }

    @Property(tries = 200)
    void identicalInputGivesIdenticalPlan(@ForAll("profiles") AthleteProfile profile) {
        List<ExercisePublished> shuffled = new ArrayList<>(library);
        java.util.Collections.shuffle(shuffled, new java.util.Random(profile.hashCode()));
        Plan plan = plan(profile);
        if (plan != null) {
            assertThat(generator.generate(profile, shuffled)).isEqualTo(plan);
        }
    }

    @Property(tries = 300)
    void everyItemCarriesARationaleWithItsEvidence(@ForAll("profiles") AthleteProfile profile) {
        Plan plan = plan(profile);
        if (plan == null) {
            return;
        }
        plan.sessions().flatMap(Plan.Session::items).forEach(item -> {
            assertThat(item.rationale()).isNotBlank();
            assertThat(item.targetRpe()).isBetween(4.0, 9.0);
            assertThat(item.targetReps() != null || item.holdSeconds() != null).isTrue();
        });
    }

    private static Set<String> strengthPrimaries(Plan.Session session) {
        Map<String, ExercisePublished> bySlug = ExerciseLibrary.exercises().stream()
                .collect(Collectors.toMap(ExercisePublished::slug, e -> e));
        return session.blocks().stream().filter(b -> "strength".equals(b.kind())).flatMap(b -> b.items().stream())
                .flatMap(item -> bySlug.get(item.slug()).muscles().stream())
                .filter(m -> "primary".equals(m.role())).map(ExercisePublished.MuscleWork::muscle)
                .collect(Collectors.toCollection(HashSet::new));
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
        List<AthleteProfile.Pain> pain;
        Set<String> exclusions;

        AthleteProfile profile() {
            return new AthleteProfile(level, sport, goals, equipment, sessionsPerWeek, minutes, weeks,
                    LocalDate.of(2026, 1, 5).plusDays(startOffset), pain, exclusions, Set.of());
        }
    }
}
