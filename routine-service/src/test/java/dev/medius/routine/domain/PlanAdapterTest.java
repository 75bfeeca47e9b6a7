package dev.medius.routine.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.medius.events.Prescription;
import dev.medius.events.catalog.ExercisePublished;
import dev.medius.events.catalog.ExercisePublished.Contraindication;
import dev.medius.routine.domain.Adaptation.Decision;
import dev.medius.routine.domain.Adaptation.Kind;
import dev.medius.routine.domain.AthleteProfile.Pain;

class PlanAdapterTest {

    private static final Decision PROGRESS = new Decision(Kind.PROGRESS, "two above target", false);
    private static final Decision EASE = new Decision(Kind.EASE, "RPE 10", false);
    private static final Decision REGRESS = new Decision(Kind.REGRESS, "pain 6/10", false);

    private static ExercisePublished exercise(String slug, String level, List<String> equipment, List<String> loads,
            List<String> easier, Prescription prescription, List<Contraindication> rules) {
        return new ExercisePublished(UUID.nameUUIDFromBytes(slug.getBytes()), null, slug, slug, null, "strength", slug,
                level, equipment, "bilateral", prescription, List.of(), List.of(), List.of(), loads, easier, List.of(),
                null, List.of(), 1, null, rules, List.of());
    }

    private static final Prescription TWELVE = new Prescription(2, 12, 15, null, 45, null, null, false);
    private static final ExercisePublished SPLIT_SQUAT = exercise("split-squat", "intermediate", List.of(), List.of("knee"),
            List.of("goblet-box-squat", "wall-sit", "single-leg-bridge", "glute-bridge", "banded-bridge"), TWELVE, List.of());
    private static final ExercisePublished GOBLET_BOX_SQUAT = exercise("goblet-box-squat", "beginner", List.of("dumbbell"),
            List.of(), List.of(), TWELVE, List.of());
    private static final ExercisePublished WALL_SIT = exercise("wall-sit", "beginner", List.of("wall"), List.of("knee"),
            List.of(), new Prescription(2, null, null, 30, 45, null, null, false), List.of());
    private static final ExercisePublished SINGLE_LEG_BRIDGE = exercise("single-leg-bridge", "advanced", List.of(),
            List.of(), List.of(), TWELVE, List.of());
    private static final ExercisePublished GLUTE_BRIDGE = exercise("glute-bridge", "beginner", List.of(), List.of(),
            List.of(), TWELVE, List.of(new Contraindication("low-back", "acute", "loaded-lumbar-extension", null)));
    private static final ExercisePublished BANDED_BRIDGE = exercise("banded-bridge", "beginner", List.of("mini-band"),
            List.of(), List.of(), new Prescription(2, 10, 20, null, 45, null, "knees", false), List.of());
    private static final ExercisePublished MONSTER_WALK = exercise("monster-walk", "beginner", List.of("mini-band"),
            List.of(), List.of(), TWELVE, List.of());
    private static final List<ExercisePublished> CATALOG = List.of(SPLIT_SQUAT, GOBLET_BOX_SQUAT, WALL_SIT,
            SINGLE_LEG_BRIDGE, GLUTE_BRIDGE, BANDED_BRIDGE, MONSTER_WALK);
    private static final Function<String, Optional<ExercisePublished>> LOOKUP = reference -> CATALOG.stream()
            .filter(e -> e.slug().equals(reference) || e.exerciseId().toString().equals(reference)).findFirst();

    private static final Plan.Limits INTERMEDIATE = new Plan.Limits("intermediate", 30, List.of(), List.of(), "en");

    private static PlanAdapter.Outcome stepUp(Plan.Item logged, int week, List<Plan.Session> upcoming, Plan.Limits limits) {
        return PlanAdapter.apply(logged, week, PROGRESS, upcoming, limits, 0, null, LOOKUP);
    }

    private static Plan.Item item(ExercisePublished exercise, int sets, Integer reps, Integer hold, String band) {
        Prescription p = exercise.prescription();
        return new Plan.Item(exercise.exerciseId().toString(), exercise.slug(), exercise.slug(), exercise.pattern(),
                List.of(), sets, p.repsMin(), p.repsMax(), reps, hold, false, 45, null, p.bandPlacement(), band,
                "guidance", 7.0, "why", List.of(), null, 0, "Should be pain-free");
    }

    private static Plan.Item squat(int sets, int reps) {
        return item(SPLIT_SQUAT, sets, reps, null, null);
    }

    private static Plan.Session session(int week, Plan.Item... items) {
        return new Plan.Session(week, (week - 1) * 7, LocalDate.of(2027, 1, 4).plusDays((week - 1) * 7L), "Week " + week,
                SessionTime.minutes(List.of(items)), List.of(new Plan.Block("strength", List.of(items))));
    }

    private static Plan.Limits limits(String level, int minutes, List<String> equipment, List<Pain> pain) {
        return new Plan.Limits(level, minutes, equipment, pain, "en");
    }

    private static Plan.Item squatIn(Plan.Session session) {
        return session.items().filter(i -> i.slug().equals(SPLIT_SQUAT.slug())).findFirst().orElseThrow();
    }

    @Test
    void aHeldDoseLeavesEveryUpcomingSessionAsItWas() {
        List<Plan.Session> upcoming = List.of(session(1, squat(2, 12)));
        var outcome = PlanAdapter.apply(squat(2, 12), 1, new Decision(Kind.HOLD, "held", true), upcoming,
                INTERMEDIATE, 0, null, LOOKUP);
        assertThat(outcome.sessions()).isSameAs(upcoming);
        assertThat(outcome.changed()).isZero();
        assertThat(outcome.nextSlug()).isEqualTo("split-squat");
    }

    @Test
    void aStepUpTargetsOneStepAboveTheLoggedDoseAndSaysInWhichWeek() {
        Plan.Session other = session(2, item(MONSTER_WALK, 2, 12, null, "light"));
        List<Plan.Session> upcoming = List.of(session(1, squat(2, 12)), other, session(2, squat(2, 12)));
        var outcome = stepUp(squat(2, 12), 1, upcoming, INTERMEDIATE);
        assertThat(outcome.changed()).isEqualTo(2);
        assertThat(outcome.nextSlug()).isEqualTo("split-squat");
        assertThat(outcome.sessions().get(1)).isSameAs(other);
        Plan.Item stepped = squatIn(outcome.sessions().get(0));
        assertThat(stepped.targetReps()).isEqualTo(14);
        assertThat(stepped.adjustment())
                .isEqualTo("progressed in week 1: two above target: reps 12 -> 14 toward the top of the range");
        // the session's minutes follow its new dose
        assertThat(outcome.sessions().get(0).estimatedMinutes()).isEqualTo(SessionTime.minutes(List.of(stepped)));
    }

    @Test
    void aStepUpNeverLowersWhatThePlanAlreadyPrescribesComponentByComponent() {
        Plan.Item ahead = squat(2, 14);
        Plan.Item moreSets = squat(3, 12);
        List<Plan.Session> upcoming = List.of(session(2, ahead), session(2, moreSets));
        var outcome = stepUp(squat(2, 12), 1, upcoming, INTERMEDIATE);
        // the plan's own next step already holds what the athlete earned: nothing steps twice
        assertThat(squatIn(outcome.sessions().get(0))).isSameAs(ahead);
        Plan.Item raised = squatIn(outcome.sessions().get(1));
        assertThat(raised.sets()).isEqualTo(3);
        assertThat(raised.targetReps()).isEqualTo(14);
        assertThat(outcome.changed()).isEqualTo(1);
    }

    @Test
    void bandsAndHoldsAreRaisedOnlyWhenTheStepIsAboveThePlan() {
        Plan.Item lightTop = item(BANDED_BRIDGE, 3, 20, null, "light");
        Plan.Item medium = PlanAdapter.atLeast(lightTop, lightTop.withDose(3, 20, null, "medium", "step"));
        assertThat(medium.bandResistance()).isEqualTo("medium");
        assertThat(medium.adjustment()).isEqualTo("step");
        Plan.Item heavy = item(BANDED_BRIDGE, 3, 20, null, "heavy");
        assertThat(PlanAdapter.atLeast(heavy, lightTop.withDose(3, 20, null, "medium", "step"))).isSameAs(heavy);
        Plan.Item unbanded = item(BANDED_BRIDGE, 3, 20, null, null);
        assertThat(PlanAdapter.atLeast(unbanded, lightTop).bandResistance()).isEqualTo("light");

        Plan.Item wallSit = item(WALL_SIT, 2, null, 40, null);
        assertThat(PlanAdapter.atLeast(wallSit, wallSit.withDose(2, null, 35, null, "step"))).isSameAs(wallSit);
        assertThat(PlanAdapter.atLeast(wallSit, wallSit.withDose(2, null, 45, null, "step")).holdSeconds()).isEqualTo(45);
        assertThat(PlanAdapter.atLeast(wallSit, wallSit.withDose(2, 12, null, null, "step")).holdSeconds()).isEqualTo(40);
        assertThat(PlanAdapter.atLeast(squat(2, 12), squat(2, 12).withDose(2, null, 30, null, "step")).targetReps())
                .isEqualTo(12);
    }

    @Test
    void anExerciseStepsUpAtMostOnceInAPlanWeek() {
        Plan.Item alreadyStepped = squat(2, 12).withDose(2, 12, null, null,
                "progressed in week 3: two above target: reps 10 -> 12 toward the top of the range");
        List<Plan.Session> upcoming = List.of(session(3, squat(2, 12)));
        var sameWeek = stepUp(alreadyStepped, 3, upcoming, INTERMEDIATE);
        assertThat(sameWeek.sessions()).isSameAs(upcoming);
        assertThat(sameWeek.changed()).isZero();
        var nextWeek = stepUp(alreadyStepped, 4, upcoming, INTERMEDIATE);
        assertThat(nextWeek.changed()).isEqualTo(1);
    }

    @Test
    void aLighterWeekIsNeverSteppedUp() {
        Plan.Item deload = DoseLadder.deload(squat(3, 14));
        List<Plan.Session> upcoming = List.of(session(5, deload));
        var outcome = stepUp(squat(2, 12), 4, upcoming, INTERMEDIATE);
        assertThat(outcome.changed()).isZero();
        assertThat(squatIn(outcome.sessions().get(0))).isSameAs(deload);
    }

    @Test
    void atTheTopOfTheLadderNothingChanges() {
        Plan.Item top = squat(4, 15);
        List<Plan.Session> upcoming = List.of(session(2, squat(2, 12)));
        var outcome = stepUp(top, 1, upcoming, INTERMEDIATE);
        assertThat(outcome.sessions()).isSameAs(upcoming);
        assertThat(outcome.changed()).isZero();
    }

    @Test
    void theLevelsCeilingOfSetsHoldsAndAnUnknownLevelClimbsToFive() {
        Plan.Item atTop = squat(3, 15);
        List<Plan.Session> upcoming = List.of(session(2, squat(3, 15)));
        var beginner = stepUp(atTop, 1, upcoming, limits("beginner", 30, List.of(), List.of()));
        assertThat(beginner.changed()).isZero();
        var advanced = stepUp(atTop, 1, upcoming, limits("advanced", 30, List.of(), List.of()));
        assertThat(squatIn(advanced.sessions().get(0)).sets()).isEqualTo(4);
        assertThat(PlanAdapter.maxSets(limits("beginner", 30, List.of(), List.of()))).isEqualTo(3);
        assertThat(PlanAdapter.maxSets(limits("elite", 30, List.of(), List.of()))).isEqualTo(5);
        assertThat(PlanAdapter.maxSets(limits(null, 30, List.of(), List.of()))).isEqualTo(5);
        assertThat(PlanAdapter.maxSets(null)).isEqualTo(5);
    }

    @Test
    void aStepUpThatWouldOverrunTheSessionsMinutesWaitsAndOneThatFitsExactlyIsTaken() {
        // split squat 2 x 14: 2 x (14 x 3 s + 45 s) + 30 s = 204 s; with a 96 s item the session is exactly 5 minutes
        Plan.Item filler = new Plan.Item(MONSTER_WALK.exerciseId().toString(), "monster-walk", "monster-walk", "walk",
                List.of(), 1, 12, 15, 12, null, false, 30, null, null, null, null, 7.0, "why", List.of(), null, 0, null);
        assertThat(SessionTime.seconds(squat(2, 14)) + SessionTime.seconds(filler)).isEqualTo(300);
        Plan.Limits fiveMinutes = limits("intermediate", 5, List.of(), List.of());
        var fits = stepUp(squat(2, 12), 1, List.of(session(2, squat(2, 12), filler)), fiveMinutes);
        assertThat(fits.changed()).isEqualTo(1);
        Plan.Item longerFiller = filler.withDose(1, 13, null, null, null);
        var overruns = stepUp(squat(2, 12), 1, List.of(session(2, squat(2, 12), longerFiller)), fiveMinutes);
        assertThat(overruns.changed()).isZero();
        // a hand-made plan sets no minutes
        var unbounded = stepUp(squat(2, 12), 1, List.of(session(2, squat(2, 12), longerFiller)),
                limits("intermediate", 0, List.of(), List.of()));
        assertThat(unbounded.changed()).isEqualTo(1);
    }

    @Test
    void nearMaximalEffortEasesEveryUpcomingInstanceEvenInASessionAlreadyOverItsMinutes() {
        List<Plan.Session> upcoming = List.of(session(2, squat(3, 12)), session(2, squat(3, 12)));
        var outcome = PlanAdapter.apply(squat(3, 12), 1, EASE, upcoming, limits("intermediate", 1, List.of(), List.of()),
                0, null, LOOKUP);
        assertThat(outcome.changed()).isEqualTo(2);
        assertThat(outcome.sessions()).allSatisfy(s -> {
            assertThat(squatIn(s).sets()).isEqualTo(2);
            assertThat(squatIn(s).adjustment()).isEqualTo("eased: RPE 10");
        });
    }

    @Test
    void painStepsBackToTheFirstEasierVariationTheAthleteHasTheEquipmentLevelAndPainFor() {
        // goblet box squat needs a dumbbell, the wall sit loads the painful knee, the single-leg bridge is advanced
        List<Plan.Session> upcoming = List.of(session(2, squat(3, 12)));
        var outcome = PlanAdapter.apply(squat(3, 12), 1, REGRESS, upcoming,
                INTERMEDIATE, 6, "knee", LOOKUP);
        assertThat(outcome.nextSlug()).isEqualTo("glute-bridge");
        assertThat(outcome.changed()).isEqualTo(1);
        Plan.Item swapped = outcome.sessions().get(0).items().findFirst().orElseThrow();
        assertThat(swapped.slug()).isEqualTo("glute-bridge");
        assertThat(swapped.exerciseId()).isEqualTo(GLUTE_BRIDGE.exerciseId().toString());
        assertThat(swapped.sets()).isEqualTo(2);
        assertThat(swapped.targetReps()).isEqualTo(12);
        assertThat(swapped.repsMax()).isEqualTo(15);
        assertThat(swapped.bandResistance()).isNull();
        assertThat(swapped.adjustment()).isEqualTo("regressed to glute-bridge: pain 6/10");
        assertThat(swapped.rationale()).startsWith("Easier variation of split-squat.");
        assertThat(swapped.painMonitoring()).startsWith("Should be pain-free: if pain passes 3/10");
        assertThat(swapped.estimatedMinutes()).isEqualTo(SessionTime.minutes(swapped));
    }

    @Test
    void aVariationContraindicatedForThePlansPainOrThePainJustReportedIsPassedOver() {
        Plan.Limits backPain = limits("intermediate", 30, List.of("mini-band"), List.of(new Pain("low-back", 3, "acute")));
        assertThat(PlanAdapter.safeEasier(squat(3, 12), List.of(), backPain, 6, "knee", LOOKUP))
                .extracting(ExercisePublished::slug).containsExactly("banded-bridge");
        Plan.Limits noPain = limits("intermediate", 30, List.of("mini-band", "dumbbell"), List.of());
        assertThat(PlanAdapter.safeEasier(squat(3, 12), List.of(), noPain, 6, "low-back", LOOKUP))
                .extracting(ExercisePublished::slug).containsExactly("goblet-box-squat", "wall-sit", "banded-bridge");
        assertThat(PlanAdapter.safeEasier(squat(3, 12), List.of(), noPain, 6, null, LOOKUP))
                .extracting(ExercisePublished::slug)
                .containsExactly("goblet-box-squat", "wall-sit", "glute-bridge", "banded-bridge");
    }

    @Test
    void aHandMadePlanOffersWhatItAlreadyUsesAtAnyLevel() {
        List<Plan.Session> upcoming = List.of(session(2, squat(3, 12), item(MONSTER_WALK, 2, 12, null, "light")));
        assertThat(PlanAdapter.safeEasier(squat(3, 12), upcoming, null, 6, "knee", LOOKUP))
                .extracting(ExercisePublished::slug).containsExactly("single-leg-bridge", "glute-bridge", "banded-bridge");
        assertThat(PlanAdapter.safeEasier(squat(3, 12), List.of(session(2, squat(3, 12))), null, 6, "knee", LOOKUP))
                .extracting(ExercisePublished::slug).containsExactly("single-leg-bridge", "glute-bridge");
        assertThat(PlanAdapter.safeEasier(squat(3, 12), List.of(), limits("elite", 30, List.of(), List.of()), 6, "knee",
                LOOKUP)).extracting(ExercisePublished::slug).containsExactly("single-leg-bridge", "glute-bridge");
    }

    @Test
    void aRegressionNeverPutsAnExerciseTwiceIntoASessionAndStepsTheDoseDownWhenNoVariationQualifies() {
        Plan.Item bridge = item(GLUTE_BRIDGE, 2, 12, null, null);
        List<Plan.Session> upcoming = List.of(session(2, squat(3, 12), bridge), session(2, squat(3, 12)));
        var outcome = PlanAdapter.apply(squat(3, 12), 1, REGRESS, upcoming,
                INTERMEDIATE, 6, "knee", LOOKUP);
        Plan.Session withBridge = outcome.sessions().get(0);
        assertThat(withBridge.items()).extracting(Plan.Item::slug).containsExactly("split-squat", "glute-bridge");
        Plan.Item steppedDown = withBridge.items().findFirst().orElseThrow();
        assertThat(steppedDown.sets()).isEqualTo(2);
        assertThat(steppedDown.adjustment()).isEqualTo("regressed: pain 6/10");
        assertThat(outcome.sessions().get(1).items()).extracting(Plan.Item::slug).containsExactly("glute-bridge");
        assertThat(outcome.changed()).isEqualTo(2);
    }

    @Test
    void aBandedVariationKeepsTheBandAndAnUnbandedOneDropsIt() {
        Plan.Item banded = item(MONSTER_WALK, 3, 12, null, "medium");
        Plan.Item toBand = PlanAdapter.swap(banded, BANDED_BRIDGE, "pain", null);
        assertThat(toBand.bandResistance()).isEqualTo("medium");
        assertThat(toBand.targetReps()).isEqualTo(10);
        assertThat(toBand.repsMax()).isEqualTo(20);
        assertThat(PlanAdapter.swap(banded, GLUTE_BRIDGE, "pain", null).bandResistance()).isNull();
        // one set fewer, never none
        assertThat(PlanAdapter.swap(banded.withDose(1, 12, null, "medium", null), GLUTE_BRIDGE, "pain", null).sets()).isEqualTo(1);
    }

    @Test
    void aHeldVariationIsDosedAsAHoldAndOneWithoutAPrescriptionAsTenToTwelveReps() {
        Plan.Item wallSit = PlanAdapter.swap(squat(3, 12), WALL_SIT, "pain", null);
        assertThat(wallSit.holdSeconds()).isEqualTo(30);
        assertThat(wallSit.targetReps()).isNull();
        ExercisePublished bare = exercise("bare", "beginner", List.of(), List.of(), List.of(), null, List.of());
        Plan.Item fromBare = PlanAdapter.swap(squat(3, 12), bare, "pain", null);
        assertThat(fromBare.repsMin()).isEqualTo(10);
        assertThat(fromBare.repsMax()).isEqualTo(12);
        assertThat(fromBare.targetReps()).isEqualTo(10);
        assertThat(fromBare.holdSeconds()).isNull();
        ExercisePublished fixed = exercise("fixed", "beginner", List.of(), List.of(), List.of(),
                new Prescription(2, 8, null, null, 45, null, null, false), List.of());
        assertThat(PlanAdapter.swap(squat(3, 12), fixed, "pain", null).repsMax()).isEqualTo(8);
    }

    @Test
    void aVariationThatWouldOverrunTheMinutesGivesWayToAStepDown() {
        ExercisePublished longHold = exercise("long-hold", "beginner", List.of(), List.of(), List.of(),
                new Prescription(3, null, null, 120, 60, null, null, false), List.of());
        ExercisePublished squatWithLongEasier = exercise("split-squat-2", "intermediate", List.of(), List.of(),
                List.of("long-hold"), TWELVE, List.of());
        Function<String, Optional<ExercisePublished>> lookup = reference -> Optional.of(
                reference.equals("long-hold") || reference.equals(longHold.exerciseId().toString()) ? longHold
                        : squatWithLongEasier);
        Plan.Item logged = item(squatWithLongEasier, 2, 12, null, null);
        var outcome = PlanAdapter.apply(logged, 1, REGRESS, List.of(session(2, logged)),
                limits("intermediate", 3, List.of(), List.of()), 6, null, lookup);
        assertThat(outcome.nextSlug()).isEqualTo("split-squat-2");
        assertThat(outcome.sessions().get(0).items().findFirst().orElseThrow().sets()).isEqualTo(1);
    }

    @Test
    void anExerciseMissingFromTheCatalogOrWithoutEasierVariationsHasNoneToOffer() {
        assertThat(PlanAdapter.safeEasier(squat(3, 12), List.of(), null, 6, "knee", reference -> Optional.empty())).isEmpty();
        assertThat(PlanAdapter.safeEasier(item(GLUTE_BRIDGE, 2, 12, null, null), List.of(), null, 6, "knee", LOOKUP))
                .isEmpty();
    }

    @Test
    void aVariationDoneOnEachSideIsDosedPerSideAndItsEvidenceJoinsTheRationale() {
        ExercisePublished clam = new ExercisePublished(UUID.nameUUIDFromBytes("clam".getBytes()), null, "clam", "Clamshell",
                null, "activation", "hip-abduction", "beginner", List.of(), "per-side", TWELVE, null, List.of(), List.of(),
                List.of(), List.of(), List.of(), "DiStefano 2009: 40 %MVIC.", List.of("distefano-2009"), 1, null, List.of(),
                List.of());
        Plan.Item swapped = PlanAdapter.swap(squat(3, 12), clam, "pain", null);
        assertThat(swapped.perSide()).isTrue();
        assertThat(swapped.rationale()).isEqualTo("Easier variation of split-squat. Evidence: DiStefano 2009: 40 %MVIC.");
        assertThat(swapped.sourceKeys()).containsExactly("distefano-2009");
        assertThat(PlanAdapter.swap(squat(3, 12), GLUTE_BRIDGE, "pain", null).perSide()).isFalse();
    }

    @Test
    void aSwappedVariationCarriesItsOwnPainRuleForThePlansPainInThePlansLanguage() {
        Plan.Limits settledKnee = limits("intermediate", 30, List.of(), List.of(new Pain("knee", 1, "history")));
        assertThat(PlanAdapter.swap(squat(3, 12), WALL_SIT, "pain", settledKnee).painMonitoring())
                .startsWith("Watch the painful knee: pain up to 3/10");
        Plan.Limits none = limits("intermediate", 30, List.of(), List.of());
        assertThat(PlanAdapter.swap(squat(3, 12), WALL_SIT, "pain", none).painMonitoring()).startsWith("Should be pain-free");
        Plan.Limits spanish = new Plan.Limits("intermediate", 30, List.of(), List.of(new Pain("knee", 1, "history")), "es");
        assertThat(PlanAdapter.swap(squat(3, 12), WALL_SIT, "pain", spanish).painMonitoring())
                .startsWith("Vigila la zona dolorida (rodilla)");
    }

    @Test
    void aStepUpNeverReachesARecoveryDay() {
        Plan.Item logged = squat(2, 10);
        Plan.Session recovery = new Plan.Session(1, 1, LocalDate.of(2027, 1, 5),
                "Week 1, session B (" + PlanGenerator.RECOVERY + ")", 2.0,
                List.of(new Plan.Block("activation", List.of(squat(1, 10)))));
        PlanAdapter.Outcome outcome = PlanAdapter.apply(logged, 1,
                new Adaptation.Decision(Adaptation.Kind.PROGRESS, "twice above", false), List.of(recovery), null, 0, null,
                reference -> java.util.Optional.empty());
        assertThat(outcome.changed()).isZero();
        assertThat(outcome.sessions().get(0)).isSameAs(recovery);
    }
}
