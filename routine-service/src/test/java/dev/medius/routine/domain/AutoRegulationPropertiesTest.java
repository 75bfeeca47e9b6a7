package dev.medius.routine.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.medius.events.Vocabulary;
import dev.medius.events.catalog.ExercisePublished;
import dev.medius.routine.domain.AthleteProfile.Level;
import dev.medius.routine.support.ExerciseLibrary;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Any check-in, after any history, against any session of a generated plan: the adjusted session never prescribes
 * more than the planned one. Each item is the planned exercise at no more sets, repetitions, hold or band, or one of
 * its easier variations at no more sets; the session's minutes never grow; nothing left loads a new painful area.
 */
class AutoRegulationPropertiesTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 20);

    private final PlanGenerator generator = new PlanGenerator();
    private final List<ExercisePublished> library = ExerciseLibrary.exercises();
    private final Function<String, Optional<ExercisePublished>> catalog = reference -> library.stream()
            .filter(e -> e.slug().equals(reference) || e.exerciseId().toString().equals(reference)).findFirst();

    @Provide
    Arbitrary<AthleteProfile> profiles() {
        Arbitrary<AthleteProfile.Pain> pain = Combinators.combine(Arbitraries.of(Vocabulary.PAIN_AREAS),
                Arbitraries.integers().between(0, 7), Arbitraries.of(Vocabulary.ONSETS)).as(AthleteProfile.Pain::new);
        return Combinators.combine(Arbitraries.of(Level.class),
                Arbitraries.<List<String>>of(List.of("mini-band"), List.<String>of(),
                        List.of("mini-band", "step", "bench", "dumbbell"),
                        List.of("mini-band", "long-band", "kettlebell", "mat", "anchor")),
                Arbitraries.integers().between(2, 5), Arbitraries.integers().between(15, 60),
                pain.list().ofMaxSize(1))
                .as((level, equipment, perWeek, minutes, pains) -> new AthleteProfile(level, "general",
                        List.of("knee"), Set.copyOf(equipment), perWeek, minutes, 3, LocalDate.of(2027, 1, 4), pains,
                        Set.of(), Set.of()));
    }

    @Provide
    Arbitrary<CheckIn> checkIns() {
        return checkIn(Arbitraries.just(TODAY));
    }

    @Provide
    Arbitrary<List<CheckIn>> histories() {
        return checkIn(Arbitraries.integers().between(1, 35).map(TODAY::minusDays)).list().ofMaxSize(20);
    }

    private Arbitrary<CheckIn> checkIn(Arbitrary<LocalDate> dates) {
        Arbitrary<Integer> scale = Arbitraries.integers().between(1, 5).injectNull(0.2);
        Arbitrary<Double> hours = Arbitraries.of(3.0, 4.5, 5.5, 6.0, 7.0, 7.5, 8.0, 9.5).injectNull(0.2);
        Arbitrary<CheckIn.PainSpot> spot = Combinators.combine(Arbitraries.of(Vocabulary.PAIN_AREAS),
                Arbitraries.integers().between(0, 10)).as(CheckIn.PainSpot::new);
        Arbitrary<Set<String>> rarely = Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just(Set.<String>of())),
                Tuple.of(1, Arbitraries.of(Terms.values(Terms.Kind.RED_FLAG)).map(Set::of)));
        Arbitrary<CheckIn> answers = Combinators.combine(dates, scale, scale, scale, scale, scale, hours,
                spot.list().ofMaxSize(2)).as((date, sleep, energy, soreness, stress, mood, slept, pain) ->
                        new CheckIn(date, sleep, energy, soreness, stress, mood, slept, pain, Set.of()));
        return Combinators.combine(answers, rarely).as((c, flags) -> new CheckIn(c.date(), c.sleepQuality(),
                c.energy(), c.soreness(), c.stress(), c.mood(), c.sleepHours(), c.pain(), flags));
    }

    @Property(tries = 400)
    void anAdjustmentNeverRaisesTheDoseAboveThePlannedOne(@ForAll("profiles") AthleteProfile profile,
            @ForAll @IntRange(min = 0, max = 8) int sessionIndex, @ForAll("checkIns") CheckIn today,
            @ForAll("histories") List<CheckIn> earlier) {
        Plan plan;
        try {
            plan = generator.generate(profile, library);
        } catch (PlanGenerator.NoEligibleExercise e) {
            return;
        }
        List<Plan.Session> sessions = plan.sessions().toList();
        Plan.Session planned = sessions.get(sessionIndex % sessions.size());

        AutoRegulation.Adjustment adjustment = AutoRegulation.adjust(planned, today, earlier, plan::limits, catalog);

        Plan.Session adjusted = adjustment.session();
        assertThat(adjusted.items().mapToInt(SessionTime::seconds).sum())
                .isLessThanOrEqualTo(planned.items().mapToInt(SessionTime::seconds).sum());
        assertThat(adjusted.items().count()).isLessThanOrEqualTo(planned.items().count());
        List<Plan.Item> plannedItems = planned.items().toList();
        for (Plan.Item item : adjusted.items().toList()) {
            assertThat(plannedItems.stream().anyMatch(p -> notAbove(item, p)))
                    .as("%s (%d sets, %s reps, %s s, band %s) is above every planned item: %s", item.slug(),
                            item.sets(), item.targetReps(), item.holdSeconds(), item.bandResistance(), adjustment)
                    .isTrue();
        }
        Set<String> fresh = AutoRegulation.newPain(today, earlier, plan::limits).keySet();
        for (Plan.Item item : adjusted.items().toList()) {
            ExercisePublished exercise = catalog.apply(item.exerciseId()).orElseThrow();
            if (adjustment.kind() != AutoRegulation.Kind.AS_PLANNED) {
                assertThat(fresh).noneMatch(area -> Contraindications.loads(exercise, area));
            }
        }
        if (!today.redFlags().isEmpty() || today.pain().stream().anyMatch(p -> p.score() >= Screening.SEVERE_PAIN)) {
            assertThat(adjustment.kind()).isEqualTo(AutoRegulation.Kind.SEE_A_CLINICIAN);
        }
        if (adjustment.kind().compareTo(AutoRegulation.Kind.REST) >= 0) {
            assertThat(adjusted.blocks()).isEmpty();
        }
        if (adjustment.kind() == AutoRegulation.Kind.AS_PLANNED) {
            assertThat(adjusted).isSameAs(planned);
        }
        assertThat(adjustment.reason()).isNotBlank();
    }

    /** The same exercise at no more of anything, or an easier variation of it at no more sets or per-set work. */
    private boolean notAbove(Plan.Item item, Plan.Item planned) {
        if (item.exerciseId().equals(planned.exerciseId())) {
            return item.sets() <= planned.sets() && notAbove(item.targetReps(), planned.targetReps())
                    && notAbove(item.holdSeconds(), planned.holdSeconds()) && band(item) <= band(planned);
        }
        ExercisePublished plannedExercise = catalog.apply(planned.exerciseId()).orElseThrow();
        ExercisePublished exercise = catalog.apply(item.exerciseId()).orElseThrow();
        List<String> easier = plannedExercise.easier() == null ? List.of() : new ArrayList<>(plannedExercise.easier());
        boolean variation = easier.contains(exercise.slug()) || easier.contains(exercise.exerciseId().toString());
        boolean sameUnitNotAbove = (item.targetReps() == null || planned.targetReps() == null
                || item.targetReps() <= planned.targetReps())
                && (item.holdSeconds() == null || planned.holdSeconds() == null
                        || item.holdSeconds() <= planned.holdSeconds());
        return variation && item.sets() <= planned.sets() && sameUnitNotAbove;
    }

    private static boolean notAbove(Integer value, Integer planned) {
        return value == null ? planned == null : planned != null && value <= planned;
    }

    private static int band(Plan.Item item) {
        return item.bandResistance() == null ? -1 : DoseLadder.BAND_RESISTANCES.indexOf(item.bandResistance());
    }
}
