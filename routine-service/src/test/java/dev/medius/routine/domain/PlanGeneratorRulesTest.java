package dev.medius.routine.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.medius.events.Prescription;
import dev.medius.events.catalog.ExercisePublished;
import dev.medius.events.catalog.ExercisePublished.Contraindication;
import dev.medius.events.catalog.ExercisePublished.Finding;
import dev.medius.events.catalog.ExercisePublished.MuscleWork;
import dev.medius.routine.domain.AthleteProfile.Level;
import dev.medius.routine.domain.AthleteProfile.Pain;
import dev.medius.routine.support.ExerciseLibrary;

/** The generation rules of docs/coaching.md (sections 3 and 5) on small hand-made catalogs and the shipped library. */
class PlanGeneratorRulesTest {

    private static final LocalDate MONDAY = LocalDate.of(2027, 1, 4);
    private final PlanGenerator generator = new PlanGenerator();

    private static ExercisePublished exercise(String slug, String category, String level, List<String> equipment,
            String laterality, Prescription prescription, List<String> loads) {
        return new ExercisePublished(UUID.nameUUIDFromBytes(slug.getBytes()), null, slug, "The " + slug, null, category,
                slug, level, equipment, laterality, prescription, List.of(), List.of(), List.of(), loads, List.of(),
                List.of(), null, List.of(), 1, null, List.of(), List.of());
    }

    private static ExercisePublished strength(String slug, String level, Prescription prescription) {
        return exercise(slug, "strength", level, List.of(), "bilateral", prescription, List.of());
    }

    private static Prescription reps(int sets, int min, Integer max, int rest) {
        return new Prescription(sets, min, max, null, rest, null, null, false);
    }

    private static AthleteProfile athlete(Level level, Set<String> equipment, int perWeek, int minutes, int weeks,
            List<Pain> pain) {
        return new AthleteProfile(level, "running", List.of("knee"), equipment, perWeek, minutes, weeks, MONDAY, pain,
                Set.of(), Set.of());
    }

    private static AthleteProfile athlete(Level level, int perWeek, int minutes, int weeks) {
        return athlete(level, Set.of(), perWeek, minutes, weeks, List.of());
    }

    private Plan.Item firstItem(AthleteProfile profile, ExercisePublished... catalog) {
        return generator.generate(profile, List.of(catalog)).sessions().findFirst().orElseThrow().items().findFirst()
                .orElseThrow();
    }

    private static List<String> recoveryTitles(Plan plan, int week) {
        return plan.weeks().get(week - 1).sessions().stream().map(Plan.Session::title)
                .filter(t -> t.contains("(recovery: low-load activation, balance and mobility)")).toList();
    }

    // --- dose (section 5) ---

    @Test
    void anAthleteOfTheExercisesOwnLevelGetsTheCatalogDoseUpToTheLevelsCeilingOfSets() {
        Plan.Item asWritten = firstItem(athlete(Level.BEGINNER, 1, 60, 1), strength("squat", "beginner", reps(2, 8, 12, 60)));
        assertThat(asWritten.sets()).isEqualTo(2);
        assertThat(asWritten.targetReps()).isEqualTo(8);
        assertThat(asWritten.repsMin()).isEqualTo(8);
        assertThat(asWritten.repsMax()).isEqualTo(12);
        assertThat(asWritten.restSeconds()).isEqualTo(60);
        assertThat(firstItem(athlete(Level.BEGINNER, 1, 60, 1), strength("squat", "beginner", reps(4, 8, 12, 60))).sets())
                .isEqualTo(3);
        assertThat(firstItem(athlete(Level.INTERMEDIATE, 1, 60, 1), strength("squat", "intermediate", reps(5, 8, 12, 60)))
                .sets()).isEqualTo(4);
        assertThat(firstItem(athlete(Level.ADVANCED, 1, 60, 1), strength("squat", "advanced", reps(6, 8, 12, 60))).sets())
                .isEqualTo(5);
    }

    @Test
    void aHigherLevelShapesTheSetsToItsOwnRange() {
        ExercisePublished oneSet = strength("squat", "beginner", reps(1, 8, 12, 60));
        ExercisePublished fiveSets = strength("squat", "beginner", reps(5, 8, 12, 60));
        assertThat(firstItem(athlete(Level.INTERMEDIATE, 1, 60, 1), oneSet).sets()).isEqualTo(2);
        assertThat(firstItem(athlete(Level.INTERMEDIATE, 1, 60, 1), fiveSets).sets()).isEqualTo(3);
        assertThat(firstItem(athlete(Level.ADVANCED, 1, 60, 1), oneSet).sets()).isEqualTo(3);
        assertThat(firstItem(athlete(Level.ADVANCED, 1, 60, 1), fiveSets).sets()).isEqualTo(4);
        assertThat(firstItem(athlete(Level.ADVANCED, 1, 60, 1), strength("squat", "intermediate", reps(2, 8, 12, 60)))
                .sets()).isEqualTo(3);
    }

    @Test
    void theTargetEffortIsRpeSixSevenOrEightByLevel() {
        ExercisePublished squat = strength("squat", "beginner", reps(2, 8, 12, 60));
        assertThat(firstItem(athlete(Level.BEGINNER, 1, 60, 1), squat).targetRpe()).isEqualTo(6.0);
        assertThat(firstItem(athlete(Level.INTERMEDIATE, 1, 60, 1), squat).targetRpe()).isEqualTo(7.0);
        assertThat(firstItem(athlete(Level.ADVANCED, 1, 60, 1), squat).targetRpe()).isEqualTo(8.0);
    }

    @Test
    void withoutAPrescriptionTheDoseIsTwoSetsOfTenToFifteenWithFortyFiveSecondsRest() {
        Plan.Item item = firstItem(athlete(Level.BEGINNER, 1, 60, 1), strength("squat", "beginner", null));
        assertThat(item.sets()).isEqualTo(2);
        assertThat(item.repsMin()).isEqualTo(10);
        assertThat(item.repsMax()).isEqualTo(15);
        assertThat(item.targetReps()).isEqualTo(10);
        assertThat(item.holdSeconds()).isNull();
        assertThat(item.restSeconds()).isEqualTo(45);
        assertThat(item.tempo()).isNull();
        assertThat(item.bandResistance()).isNull();
    }

    @Test
    void aRangeWithoutATopOrWithTheTopBelowTheBottomIsTheBottomAlone() {
        assertThat(firstItem(athlete(Level.BEGINNER, 1, 60, 1), strength("squat", "beginner", reps(2, 10, null, 60)))
                .repsMax()).isEqualTo(10);
        assertThat(firstItem(athlete(Level.BEGINNER, 1, 60, 1), strength("squat", "beginner", reps(2, 10, 8, 60)))
                .repsMax()).isEqualTo(10);
    }

    @Test
    void aHeldExerciseIsDosedInSecondsAndAPrescriptionWithRepsIgnoresItsHold() {
        Plan.Item plank = firstItem(athlete(Level.BEGINNER, 1, 60, 1),
                strength("plank", "beginner", new Prescription(3, null, null, 30, 45, null, null, false)));
        assertThat(plank.holdSeconds()).isEqualTo(30);
        assertThat(plank.targetReps()).isNull();
        Plan.Item both = firstItem(athlete(Level.BEGINNER, 1, 60, 1),
                strength("pause-squat", "beginner", new Prescription(3, 8, 10, 5, 45, "2-1-2", null, false)));
        assertThat(both.holdSeconds()).isNull();
        assertThat(both.targetReps()).isEqualTo(8);
        assertThat(both.tempo()).isEqualTo("2-1-2");
    }

    @Test
    void workIsPerSideWhenThePrescriptionOrTheExercisesLateralitySaysSo() {
        ExercisePublished byLaterality = exercise("lunge", "strength", "beginner", List.of(), "per-side",
                reps(2, 8, 10, 60), List.of());
        ExercisePublished byPrescription = strength("step-up", "beginner", new Prescription(2, 8, 10, null, 60, null, null, true));
        assertThat(firstItem(athlete(Level.BEGINNER, 1, 60, 1), byLaterality).perSide()).isTrue();
        assertThat(firstItem(athlete(Level.BEGINNER, 1, 60, 1), byPrescription).perSide()).isTrue();
        assertThat(firstItem(athlete(Level.BEGINNER, 1, 60, 1), strength("squat", "beginner", reps(2, 8, 10, 60)))
                .perSide()).isFalse();
    }

    @Test
    void aBandStartsLightForABeginnerAndMediumAboveAndItsGuidanceSaysWhenToChangeIt() {
        ExercisePublished walk = exercise("band-walk", "strength", "beginner", List.of("mini-band"), "per-side",
                reps(2, 10, 12, 45), List.of());
        Plan.Item beginner = firstItem(athlete(Level.BEGINNER, Set.of("mini-band"), 1, 60, 1, List.of()), walk);
        assertThat(beginner.bandResistance()).isEqualTo("light");
        assertThat(beginner.loadGuidance()).contains("next band");
        assertThat(firstItem(athlete(Level.INTERMEDIATE, Set.of("mini-band"), 1, 60, 1, List.of()), walk).bandResistance())
                .isEqualTo("medium");
        assertThat(firstItem(athlete(Level.ADVANCED, Set.of("mini-band"), 1, 60, 1, List.of()), walk).bandResistance())
                .isEqualTo("medium");
        // a band placement in the prescription makes it banded even without band equipment listed
        ExercisePublished placed = strength("bridge", "beginner", new Prescription(2, 10, 12, null, 45, null, "knees", false));
        Plan.Item bridge = firstItem(athlete(Level.BEGINNER, 1, 60, 1), placed);
        assertThat(bridge.bandResistance()).isEqualTo("light");
        assertThat(bridge.bandPlacement()).isEqualTo("knees");
    }

    @Test
    void externalLoadIsGuidedByRepsInReserveAndBodyweightWorkByTempo() {
        ExercisePublished goblet = exercise("goblet", "strength", "beginner", List.of("dumbbell"), "bilateral",
                reps(2, 8, 12, 60), List.of());
        assertThat(firstItem(athlete(Level.BEGINNER, Set.of("dumbbell"), 1, 60, 1, List.of()), goblet).loadGuidance())
                .contains("2-3 reps in reserve");
        for (String equipment : List.of("kettlebell", "cable", "machine")) {
            ExercisePublished loaded = exercise("loaded", "strength", "beginner", List.of(equipment), "bilateral",
                    reps(2, 8, 12, 60), List.of());
            assertThat(firstItem(athlete(Level.BEGINNER, Set.of(equipment), 1, 60, 1, List.of()), loaded).loadGuidance())
                    .as(equipment).contains("2-3 reps in reserve");
        }
        assertThat(firstItem(athlete(Level.BEGINNER, 1, 60, 1), strength("squat", "beginner", reps(2, 8, 12, 60)))
                .loadGuidance()).startsWith("Bodyweight");
        ExercisePublished stepUp = exercise("step-up", "strength", "beginner", List.of("step"), "per-side",
                reps(2, 8, 12, 60), List.of());
        assertThat(firstItem(athlete(Level.BEGINNER, Set.of("step"), 1, 60, 1, List.of()), stepUp).loadGuidance())
                .startsWith("Bodyweight");
    }

    @Test
    void theRationaleNamesTheBlockTheConditionsTheMeasuredActivationTheDoseAndTheSources() {
        ExercisePublished measured = new ExercisePublished(UUID.nameUUIDFromBytes("lunge".getBytes()), null, "lunge",
                "Lunge", null, "strength", "lunge", "beginner", List.of(), "per-side", reps(2, 8, 10, 60),
                List.of(new MuscleWork("gluteus-medius", "primary", null)),
                List.of("patellofemoral-pain", "ankle-sprain", "knee-injury"), List.of(), List.of(), List.of(), List.of(),
                " Measured in healthy adults. ", List.of("distefano-2009", "boren-2011", "distefano-2009"), 1, null,
                List.of(), List.of(new Finding("boren-2011", "gluteus-medius-mvic", 40.0, "%MVIC", null),
                        new Finding("distefano-2009", "gluteus-medius-mvic", 48.0, "%MVIC", null)));
        assertThat(firstItem(athlete(Level.BEGINNER, 1, 60, 1), measured).rationale()).isEqualTo(
                "Strength: the session's main loading; addresses knee-injury, patellofemoral-pain; gluteus medius primary"
                        + " (48% MVIC, distefano-2009). Dose for a beginner after ACSM 2009."
                        + " Evidence: Measured in healthy adults. Sources: distefano-2009, boren-2011.");
        Plan.Item plain = firstItem(athlete(Level.BEGINNER, 1, 60, 1),
                exercise("dead-bug", "stability", "beginner", List.of(), "per-side", reps(2, 8, 10, 45), List.of()));
        ExercisePublished assisted = new ExercisePublished(UUID.nameUUIDFromBytes("bridge".getBytes()), null, "bridge",
                "Bridge", null, "strength", "bridge", "beginner", List.of(), "bilateral", reps(2, 8, 10, 60),
                List.of(new MuscleWork("gluteus-maximus", "primary", null), new MuscleWork("gluteus-medius", "secondary", null)),
                List.of(), List.of(), List.of(), List.of(), List.of(), null, List.of(), 1, null, List.of(), List.of());
        assertThat(firstItem(athlete(Level.BEGINNER, 1, 60, 1), assisted).rationale())
                .isEqualTo("Strength: the session's main loading; gluteus medius secondary. Dose for a beginner after ACSM 2009.");
        assertThat(plain.rationale()).isEqualTo(
                "Stability: control of hip and trunk under a held or slow load. Dose for a beginner after ACSM 2009.");
        assertThat(firstItem(athlete(Level.BEGINNER, 1, 60, 1),
                exercise("clam", "activation", "beginner", List.of(), "per-side", reps(2, 8, 10, 45), List.of())).rationale())
                .startsWith("Activation: wakes the hip abductors before the main work.");
    }

    // --- what may be prescribed (section 3) ---

    @Test
    void onlyExercisesOfASessionBlockWithinTheLevelTheEquipmentAndTheExclusionsAreEligible() {
        ExercisePublished banded = exercise("band-walk", "activation", "beginner", List.of("mini-band"), "per-side",
                reps(2, 10, 12, 45), List.of());
        ExercisePublished wall = exercise("wall-sit", "strength", "beginner", List.of("wall", "bodyweight"), "bilateral",
                reps(2, 10, 12, 45), List.of());
        ExercisePublished advanced = strength("pistol", "advanced", reps(3, 5, 8, 90));
        ExercisePublished cardio = exercise("jog", "cardio", "beginner", List.of(), "bilateral", null, List.of());
        ExercisePublished excludedBySlug = strength("lunge", "beginner", reps(2, 8, 10, 60));
        ExercisePublished excludedById = strength("step-up", "beginner", reps(2, 8, 10, 60));
        ExercisePublished kneeLoad = exercise("squat", "strength", "beginner", List.of(), "bilateral", reps(2, 8, 10, 60),
                List.of("knee"));
        List<ExercisePublished> catalog = List.of(banded, wall, advanced, cardio, excludedBySlug, excludedById, kneeLoad);
        AthleteProfile profile = new AthleteProfile(Level.INTERMEDIATE, "general", List.of(), Set.of("Mini-Band "), 2, 30,
                4, MONDAY, List.of(new Pain("knee", 4, "persistent")), Set.of(" Lunge", excludedById.exerciseId().toString()),
                Set.of());
        assertThat(Eligibility.eligible(profile, catalog)).extracting(ExercisePublished::slug)
                .containsExactly("band-walk", "wall-sit");
        AthleteProfile bandless = new AthleteProfile(Level.ADVANCED, "general", List.of(), Set.of(), 2, 30, 4, MONDAY,
                List.of(), Set.of(), Set.of());
        assertThat(Eligibility.eligible(bandless, catalog)).extracting(ExercisePublished::slug)
                .containsExactly("wall-sit", "pistol", "lunge", "step-up", "squat");
    }

    @Test
    void anExerciseOfAnUnknownLevelIsTreatedAsAdvanced() {
        ExercisePublished unknown = strength("mystery", "elite", reps(2, 8, 10, 60));
        assertThat(Eligibility.levelOf(unknown)).isEqualTo(Level.ADVANCED);
        assertThat(Eligibility.eligible(athlete(Level.INTERMEDIATE, 1, 30, 1), List.of(unknown))).isEmpty();
    }

    @Test
    void aProfileNothingFitsGetsNoPlanAndSaysWhy() {
        assertThatThrownBy(() -> generator.generate(athlete(Level.BEGINNER, 1, 30, 1),
                List.of(strength("pistol", "advanced", reps(3, 5, 8, 90)))))
                .isInstanceOf(PlanGenerator.NoEligibleExercise.class)
                .hasMessage("no exercise in the catalog fits this profile's equipment, level, pain and exclusions");
    }

    @Test
    void anExerciseLoadingASettledPainfulAreaCarriesItsCeilingAndTheOthersStayPainFree() {
        ExercisePublished squat = exercise("squat", "strength", "beginner", List.of(), "bilateral", reps(2, 8, 10, 60),
                List.of("knee"));
        ExercisePublished clam = exercise("clam", "activation", "beginner", List.of(), "per-side", reps(2, 8, 10, 45),
                List.of());
        AthleteProfile settled = athlete(Level.BEGINNER, Set.of(), 1, 60, 1, List.of(new Pain("knee", 2, "history")));
        Plan plan = generator.generate(settled, List.of(squat, clam));
        assertThat(plan.sessions().findFirst().orElseThrow().items()).extracting(Plan.Item::slug, Plan.Item::painMonitoring)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("clam", SafetyText.item(null, "en")),
                        org.assertj.core.groups.Tuple.tuple("squat", SafetyText.item(new SafetyText.ExerciseArea("knee", false), "en")));
        assertThat(plan.notes()).contains("Reported pain (history knee): exercises contraindicated for it or loading an area"
                + " that hurts now are left out; none is chosen because of the pain.");
        Plan spanish = generator.generate(settled, List.of(squat, clam), "es");
        assertThat(spanish.safety()).isEqualTo(SafetyText.plan("es"));
        assertThat(spanish.sessions().findFirst().orElseThrow().items().map(Plan.Item::painMonitoring)).containsExactly(
                SafetyText.item(null, "es"), SafetyText.item(new SafetyText.ExerciseArea("knee", false), "es"));
    }

    // --- sessions (section 5) ---

    private static List<ExercisePublished> smallCatalog() {
        List<ExercisePublished> catalog = new ArrayList<>();
        for (String category : List.of("activation", "strength", "stability", "mobility")) {
            for (String letter : List.of("a", "b", "c", "d")) {
                // one set of 5 reps, 10 s rest: 55 s with the set-up
                catalog.add(exercise(category + "-" + letter, category, "beginner", List.of(), "bilateral",
                        reps(1, 5, 8, 10), List.of()));
            }
        }
        return catalog;
    }

    @Test
    void aStrengthSessionHoldsAtMostSevenExercisesWithStrengthLeadingAfterTheFirstRoundAndARecoverySessionFour() {
        Plan plan = generator.generate(athlete(Level.BEGINNER, 4, 60, 1), smallCatalog());
        Plan.Session strengthDay = plan.weeks().get(0).sessions().get(0);
        assertThat(strengthDay.blocks()).extracting(Plan.Block::kind).containsExactly("activation", "strength", "stability");
        assertThat(strengthDay.blocks()).extracting(b -> b.items().size()).containsExactly(2, 3, 2);
        Plan.Session recovery = plan.weeks().get(0).sessions().get(3);
        assertThat(recovery.title()).contains("recovery");
        assertThat(recovery.blocks()).extracting(Plan.Block::kind).containsExactly("activation", "stability", "mobility");
        assertThat(recovery.blocks()).extracting(b -> b.items().size()).containsExactly(2, 1, 1);
    }

    @Test
    void thePatternOfAnExerciseRepeatsAtMostTwiceInASession() {
        List<ExercisePublished> squats = new ArrayList<>();
        for (String letter : List.of("a", "b", "c", "d")) {
            squats.add(new ExercisePublished(UUID.nameUUIDFromBytes(letter.getBytes()), null, "squat-" + letter,
                    "Squat " + letter, null, "strength", "squat", "beginner", List.of(), "bilateral", reps(1, 5, 8, 10),
                    List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, List.of(), 1, null, List.of(),
                    List.of()));
        }
        squats.add(exercise("clam", "activation", "beginner", List.of(), "per-side", reps(1, 5, 8, 10), List.of()));
        Plan plan = generator.generate(athlete(Level.BEGINNER, 1, 60, 1), squats);
        assertThat(plan.sessions().findFirst().orElseThrow().items()).extracting(Plan.Item::slug)
                .containsExactly("clam", "squat-a", "squat-b");
    }

    @Test
    void theFirstSessionOfTheWeekTakesTheBestRankedAndLaterOnesRotate() {
        List<ExercisePublished> catalog = List.of(strength("a-lift", "beginner", reps(2, 10, 12, 45)),
                strength("b-lift", "beginner", reps(2, 10, 12, 45)), strength("c-lift", "beginner", reps(2, 10, 12, 45)));
        // each 2 x (10 x 3 s + 45 s) + 30 s = 180 s, so one fits in 70 % of five minutes
        Plan plan = generator.generate(athlete(Level.BEGINNER, 3, 5, 1), catalog);
        assertThat(plan.weeks().get(0).sessions()).extracting(s -> s.items().map(Plan.Item::slug).toList())
                .containsExactly(List.of("a-lift"), List.of("b-lift"), List.of("c-lift"));
    }

    @Test
    void theFirstWeekFillsAtMostSeventyPercentOfTheMinutesAndAShortSessionStillGetsItsBestExerciseAtOneSet() {
        // 2 x (10 x 3 s + 60 s) + 30 s = 210 s: exactly 70 % of five minutes
        Plan.Item exact = firstItem(athlete(Level.BEGINNER, 1, 5, 1), strength("squat", "beginner", reps(2, 10, 12, 60)));
        assertThat(exact.sets()).isEqualTo(2);
        // one second more per set no longer fits the first week's share: the session keeps the exercise at one set
        Plan.Item over = firstItem(athlete(Level.BEGINNER, 1, 5, 1), strength("squat", "beginner", reps(2, 10, 12, 61)));
        assertThat(over.sets()).isEqualTo(1);
        assertThat(over.targetReps()).isEqualTo(10);
        // a mobility exercise is no strength day's work, even as the only one that fits
        ExercisePublished stretch = exercise("a-stretch", "mobility", "beginner", List.of(), "bilateral",
                new Prescription(1, null, null, 10, 0, null, null, false), List.of());
        Plan plan = generator.generate(athlete(Level.BEGINNER, 1, 5, 1),
                List.of(stretch, strength("squat", "beginner", reps(2, 10, 12, 61))));
        assertThat(plan.sessions().findFirst().orElseThrow().items()).extracting(Plan.Item::slug).containsExactly("squat");
        // one set of 10 reps without rest is exactly a minute with its set-up
        assertThat(generator.generate(athlete(Level.BEGINNER, 1, 1, 1), List.of(strength("squat", "beginner",
                reps(2, 10, 12, 0)))).sessions().findFirst().orElseThrow().items()).extracting(Plan.Item::sets)
                .containsExactly(1);
        // nothing fits a single minute at all
        assertThat(generator.generate(athlete(Level.BEGINNER, 1, 1, 1), List.of(strength("squat", "beginner",
                reps(2, 10, 12, 61)))).sessions().findFirst().orElseThrow().items()).isEmpty();
    }

    // --- recovery, frequency, blocks and the calendar (section 5), on the shipped library ---

    private Plan libraryPlan(Level level, int perWeek, int weeks) {
        return generator.generate(athlete(level, Set.of("mini-band"), perWeek, 30, weeks, List.of()),
                ExerciseLibrary.exercises());
    }

    @Test
    void strengthSessionsFallNoTwoDaysRunningAndTheDaysBetweenAreLowLoadRecoverySessions() {
        int[][] offsets = { { 0 }, { 0, 3 }, { 0, 2, 4 }, { 0, 2, 4, 5 }, { 0, 1, 2, 3, 4 }, { 0, 1, 2, 3, 4, 5 },
                { 0, 1, 2, 3, 4, 5, 6 } };
        int[] recoveryCount = { 0, 0, 0, 1, 2, 3, 4 };
        for (int perWeek = 1; perWeek <= 7; perWeek++) {
            Plan plan = libraryPlan(Level.INTERMEDIATE, perWeek, 2);
            List<Plan.Session> week = plan.weeks().get(1).sessions();
            assertThat(week).extracting(Plan.Session::dayOffset).as(perWeek + " a week")
                    .containsExactlyElementsOf(java.util.Arrays.stream(offsets[perWeek - 1]).map(d -> d + 7).boxed().toList());
            assertThat(recoveryTitles(plan, 2)).as(perWeek + " a week").hasSize(recoveryCount[perWeek - 1]);
            List<Integer> strengthDays = plan.sessions()
                    .filter(s -> s.items().anyMatch(i -> i.targetRpe() != null && i.targetRpe() > StartingDose.RECOVERY_RPE))
                    .map(Plan.Session::dayOffset).toList();
            for (int i = 1; i < strengthDays.size(); i++) {
                assertThat(strengthDays.get(i) - strengthDays.get(i - 1)).as(perWeek + " a week").isGreaterThanOrEqualTo(2);
            }
            String note = recoveryCount[perWeek - 1] + " of the " + perWeek + " weekly sessions follow a strength day";
            if (recoveryCount[perWeek - 1] > 0) {
                assertThat(plan.notes()).anyMatch(n -> n.startsWith(note) && n.contains("48 hours"));
            } else {
                assertThat(plan.notes()).noneMatch(n -> n.contains("follow a strength day"));
            }
        }
    }

    @Test
    void aRecoverySessionIsOneEasySetAtTheBottomOfTheRangeWithTheLightestBandAndNoStrengthBlock() {
        Plan plan = libraryPlan(Level.INTERMEDIATE, 6, 1);
        List<Plan.Session> recovery = plan.sessions().filter(s -> s.title().contains("recovery")).toList();
        assertThat(recovery).hasSize(3).allSatisfy(session -> {
            assertThat(session.blocks()).extracting(Plan.Block::kind).doesNotContain("strength");
            assertThat(session.items().count()).isBetween(1L, 4L);
            session.items().forEach(item -> {
                assertThat(item.sets()).as(item.slug()).isEqualTo(1);
                assertThat(item.targetRpe()).isEqualTo(4.0);
                if (item.targetReps() != null) {
                    assertThat(item.targetReps()).isEqualTo(item.repsMin());
                }
                if (item.bandResistance() != null) {
                    assertThat(item.bandResistance()).isEqualTo("light");
                }
            });
        });
        assertThat(recovery.stream().flatMap(Plan.Session::items)).anyMatch(i -> "light".equals(i.bandResistance()))
                .anyMatch(i -> i.bandResistance() == null);
        assertThat(plan.sessions().filter(s -> !s.title().contains("recovery")).flatMap(Plan.Session::items))
                .allSatisfy(item -> assertThat(item.targetRpe()).isEqualTo(7.0))
                .anyMatch(item -> "medium".equals(item.bandResistance()));
    }

    @Test
    void fewerThanTwoSessionsAWeekCarriesAWarningAndTwoDoNot() {
        assertThat(libraryPlan(Level.BEGINNER, 1, 2).notes()).anyMatch(n -> n.startsWith("Warning: one session a week"));
        assertThat(libraryPlan(Level.BEGINNER, 2, 2).notes()).noneMatch(n -> n.startsWith("Warning"));
    }

    @Test
    void aLighterWeekEndsEveryBlockEverySixthFifthOrFourthWeekByLevel() {
        assertThat(deloadWeeks(libraryPlan(Level.BEGINNER, 2, 12))).containsExactly(6, 12);
        assertThat(deloadWeeks(libraryPlan(Level.INTERMEDIATE, 2, 12))).containsExactly(5, 10);
        assertThat(deloadWeeks(libraryPlan(Level.ADVANCED, 2, 12))).containsExactly(4, 8, 12);
        assertThat(libraryPlan(Level.INTERMEDIATE, 2, 5).notes())
                .anyMatch(n -> n.startsWith("Every 5th week is lighter (one set fewer, reps at the bottom of the range)")
                        && n.contains("the end of a 5-week block"));
    }

    private static List<Integer> deloadWeeks(Plan plan) {
        return plan.weeks().stream().filter(Plan.Week::deload).map(Plan.Week::number).toList();
    }

    @Test
    void aLighterWeeksStrengthSessionsTakeASetAndTheRangeDownFromTheWeekBeforeAndRecoveryStaysAsItWas() {
        Plan plan = libraryPlan(Level.ADVANCED, 4, 4);
        List<Plan.Session> before = plan.weeks().get(2).sessions();
        List<Plan.Session> lighter = plan.weeks().get(3).sessions();
        for (int slot = 0; slot < before.size(); slot++) {
            List<Plan.Item> was = before.get(slot).items().toList();
            List<Plan.Item> now = lighter.get(slot).items().toList();
            boolean recovery = before.get(slot).title().contains("recovery");
            assertThat(lighter.get(slot).title().endsWith(" (lighter week)")).isEqualTo(!recovery);
            for (int i = 0; i < was.size(); i++) {
                Plan.Item expected = recovery ? was.get(i) : DoseLadder.deload(was.get(i));
                assertThat(now.get(i).sets()).isEqualTo(expected.sets());
                assertThat(now.get(i).targetReps()).isEqualTo(expected.targetReps());
                assertThat(now.get(i).holdSeconds()).isEqualTo(expected.holdSeconds());
                assertThat(now.get(i).bandResistance()).isEqualTo(expected.bandResistance());
            }
            assertThat(now.stream().mapToInt(Plan.Item::volume).sum())
                    .isLessThanOrEqualTo(was.stream().mapToInt(Plan.Item::volume).sum());
        }
    }

    @Test
    void thePlanIsTitledAndDatedFromItsProfileAndRemembersItsLimits() {
        Plan plan = libraryPlan(Level.INTERMEDIATE, 3, 2);
        assertThat(plan.title()).isEqualTo("Intermediate running plan: 2 weeks, 3 x 30 min");
        assertThat(plan.startDate()).isEqualTo(MONDAY);
        assertThat(plan.sessions()).allSatisfy(s -> assertThat(s.date()).isEqualTo(MONDAY.plusDays(s.dayOffset())));
        assertThat(plan.weeks().get(1).sessions().get(2).title()).isEqualTo("Week 2, session C");
        assertThat(plan.sessions()).allSatisfy(s -> assertThat(s.estimatedMinutes())
                .isEqualTo(SessionTime.minutes(s.items().toList())));
        assertThat(plan.limits()).isEqualTo(new Plan.Limits("intermediate", 30, List.of("mini-band"), List.of(), "en"));
        assertThat(plan.notes()).anyMatch(n -> n.contains("grows by 15% at most"));
        assertThat(plan.notes()).noneMatch(n -> n.startsWith("Reported pain"));
        AthleteProfile noSport = new AthleteProfile(Level.BEGINNER, null, List.of(), Set.of(), 1, 20, 4, MONDAY, List.of(),
                Set.of(), Set.of());
        assertThat(generator.generate(noSport, ExerciseLibrary.exercises()).title())
                .isEqualTo("Beginner general plan: 4 weeks, 1 x 20 min");
    }

    @Test
    void everyStrengthSessionsBlocksComeInOrderAndNoExerciseRepeatsInASession() {
        Plan plan = generator.generate(athlete(Level.ADVANCED, Set.of("mini-band", "dumbbell", "bench", "step"), 3, 90, 1,
                List.of()), ExerciseLibrary.exercises());
        assertThat(plan.sessions()).allSatisfy(session -> {
            List<String> kinds = session.blocks().stream().map(Plan.Block::kind).toList();
            assertThat(kinds).isSortedAccordingTo(java.util.Comparator.comparingInt(PlanGenerator.BLOCKS::indexOf));
            assertThat(session.items().map(Plan.Item::exerciseId).toList()).doesNotHaveDuplicates();
            assertThat(session.items().count()).isLessThanOrEqualTo(7);
        });
    }

    @Test
    void aLoadingWeekAfterTheFirstGrowsButByAtMostFifteenPercent() {
        Plan plan = libraryPlan(Level.INTERMEDIATE, 3, 2);
        int first = plan.weeks().get(0).sessions().stream().flatMap(Plan.Session::items).mapToInt(Plan.Item::volume).sum();
        int second = plan.weeks().get(1).sessions().stream().flatMap(Plan.Session::items).mapToInt(Plan.Item::volume).sum();
        assertThat(second).isGreaterThan(first).isLessThanOrEqualTo((int) Math.floor(first * 1.15));
    }
}
