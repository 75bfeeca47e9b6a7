package dev.medius.routine.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.medius.events.Vocabulary;
import dev.medius.events.catalog.ExercisePublished;
import dev.medius.events.routine.SessionCompleted.PerformedSet;
import dev.medius.routine.domain.AthleteProfile.Level;
import dev.medius.routine.support.ExerciseLibrary;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of logged sessions played against generated plans: whatever the athlete logs, doses
 * stay within the level's ceiling and the session's minutes, an exercise steps up at most once a week, no
 * session holds an exercise twice, and every regression obeys pain, equipment and contraindications.
 */
class PlanAdapterPropertiesTest {

    private final PlanGenerator generator = new PlanGenerator();
    private final List<ExercisePublished> library = ExerciseLibrary.exercises();
    private final Function<String, Optional<ExercisePublished>> catalog = reference -> library.stream()
            .filter(e -> e.slug().equals(reference) || e.exerciseId().toString().equals(reference)).findFirst();

    /** What an athlete logged for a whole session: reps beyond (or short of) the target, effort and pain. */
    record Log(int repsBeyond, double rpe, int pain, String area) {
    }

    @Provide
    Arbitrary<List<Log>> logs() {
        Arbitrary<String> area = Arbitraries.of(Vocabulary.PAIN_AREAS).injectNull(0.4);
        return Combinators.combine(Arbitraries.integers().between(-3, 3),
                Arbitraries.of(4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0), Arbitraries.integers().between(0, 8), area)
                .as(Log::new).list().ofMinSize(1).ofMaxSize(30);
    }

    @Provide
    Arbitrary<AthleteProfile> profiles() {
        Arbitrary<AthleteProfile.Pain> pain = Combinators.combine(Arbitraries.of(Vocabulary.PAIN_AREAS),
                Arbitraries.integers().between(0, 7), Arbitraries.of(Vocabulary.ONSETS)).as(AthleteProfile.Pain::new);
        return Combinators.combine(Arbitraries.of(Level.class),
                Arbitraries.<List<String>>of(List.of("mini-band"), List.<String>of(),
                        List.of("mini-band", "step", "bench", "dumbbell"),
                        List.of("mini-band", "long-band", "kettlebell", "mat", "anchor")),
                Arbitraries.integers().between(1, 7), Arbitraries.integers().between(10, 90),
                Arbitraries.integers().between(1, 8), pain.list().ofMaxSize(1))
                .as((level, equipment, perWeek, minutes, weeks, pains) -> new AthleteProfile(level, "general",
                        List.of("knee"), Set.copyOf(equipment), perWeek, minutes, weeks, LocalDate.of(2027, 1, 4), pains,
                        Set.of(), Set.of()));
    }

    @Property(tries = 250)
    void loggedSessionsNeverPushADosePastItsLimitsOrIntoAnUnsafeExercise(@ForAll("profiles") AthleteProfile profile,
            @ForAll("logs") List<Log> logs) {
        Plan plan;
        try {
            plan = generator.generate(profile, library);
        } catch (PlanGenerator.NoEligibleExercise e) {
            return;
        }
        List<Plan.Session> sessions = new ArrayList<>(plan.sessions().toList());
        Map<String, Boolean> aboveTarget = new HashMap<>();
        Map<String, Integer> progressions = new HashMap<>();
        int maxSets = StartingDose.maxSets(profile.level());
        for (int i = 0; i < Math.min(logs.size(), sessions.size()); i++) {
            Log log = logs.get(i);
            Plan.Session done = sessions.get(i);
            for (Plan.Item item : done.items().toList()) {
                List<PerformedSet> sets = new ArrayList<>();
                for (int s = 0; s < item.sets(); s++) {
                    sets.add(item.targetReps() != null
                            ? new PerformedSet(Math.max(0, item.targetReps() + log.repsBeyond()), null, null, null, null, log.rpe(), null)
                            : new PerformedSet(null, Math.max(0, item.holdSeconds() + log.repsBeyond() * 5), null, null, null, log.rpe(), null));
                }
                Adaptation.Decision decision = Adaptation.decide(item, sets, log.rpe(), log.pain(), log.area(),
                        aboveTarget.getOrDefault(item.exerciseId(), false));
                aboveTarget.put(item.exerciseId(), decision.aboveTarget());
                List<Plan.Session> upcoming = sessions.subList(i + 1, sessions.size());
                List<Plan.Session> before = List.copyOf(upcoming);
                PlanAdapter.Outcome outcome = PlanAdapter.apply(item, done.week(), decision, before, plan.limits(),
                        log.pain(), log.area(), catalog);
                net.jqwik.api.statistics.Statistics.collect(decision.kind(), outcome.changed() > 0);
                if (decision.kind() == Adaptation.Kind.PROGRESS && outcome.changed() > 0) {
                    progressions.merge(done.week() + "/" + item.exerciseId(), 1, Integer::sum);
                }
                for (int u = 0; u < before.size(); u++) {
                    Plan.Session after = outcome.sessions().get(u);
                    checkSession(profile, after, maxSets);
                    if (decision.kind() == Adaptation.Kind.REGRESS) {
                        checkSwapsAreSafe(profile, log, before.get(u), after);
                    }
                    sessions.set(i + 1 + u, after);
                }
            }
        }
        assertThat(progressions.values()).allSatisfy(count -> assertThat(count).isEqualTo(1));
    }

    private void checkSession(AthleteProfile profile, Plan.Session session, int maxSets) {
        List<Plan.Item> items = session.items().toList();
        assertThat(items).extracting(Plan.Item::exerciseId).doesNotHaveDuplicates();
        assertThat(items).allSatisfy(item -> assertThat(item.sets()).as(item.slug()).isLessThanOrEqualTo(maxSets));
        if (session.title().contains(PlanGenerator.RECOVERY)) {
            // a low-load day stays low-load whatever was logged the day before
            assertThat(items).allSatisfy(item -> assertThat(item.sets()).as(item.slug()).isEqualTo(1));
        }
        assertThat(items.stream().mapToInt(SessionTime::seconds).sum()).as(session.title())
                .isLessThanOrEqualTo(profile.minutesPerSession() * 60);
    }

    private void checkSwapsAreSafe(AthleteProfile profile, Log log, Plan.Session before, Plan.Session after) {
        Set<String> had = new HashSet<>();
        before.items().forEach(item -> had.add(item.exerciseId()));
        List<AthleteProfile.Pain> pains = new ArrayList<>(profile.pain());
        if (log.area() != null) {
            pains.add(new AthleteProfile.Pain(log.area(), log.pain(), AthleteProfile.Pain.ACUTE));
        }
        AthleteProfile now = new AthleteProfile(profile.level(), profile.sport(), profile.goals(), profile.equipment(),
                profile.sessionsPerWeek(), profile.minutesPerSession(), profile.weeks(), profile.startDate(), pains,
                profile.exclusions(), profile.redFlags());
        after.items().filter(item -> !had.contains(item.exerciseId())).forEach(item -> {
            ExercisePublished swapped = catalog.apply(item.exerciseId()).orElseThrow();
            assertThat(Contraindications.against(now, swapped)).as(item.slug()).isEmpty();
            assertThat(Eligibility.hasEquipment(profile, swapped)).as(item.slug()).isTrue();
            assertThat(Eligibility.levelOf(swapped).ordinal()).isLessThanOrEqualTo(profile.level().ordinal());
        });
    }
}
