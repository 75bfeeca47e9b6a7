package dev.medius.routine.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.medius.events.catalog.ExercisePublished;
import dev.medius.events.catalog.ExercisePublished.Finding;
import dev.medius.events.catalog.ExercisePublished.MuscleWork;

class EvidenceRankTest {

    private static ExercisePublished exercise(List<String> conditions, List<MuscleWork> muscles, List<String> sourceKeys,
            List<Finding> findings, List<String> loads) {
        return new ExercisePublished(UUID.randomUUID(), null, "e", "E", null, "strength", "squat", "beginner", List.of(),
                "bilateral", null, muscles, conditions, List.of(), loads, List.of(), List.of(), null, sourceKeys, 1, null,
                List.of(), findings);
    }

    private static AthleteProfile profile(List<String> goals, String sport, List<AthleteProfile.Pain> pain) {
        return new AthleteProfile(AthleteProfile.Level.BEGINNER, sport, goals, Set.of(), 2, 30, 4,
                LocalDate.of(2026, 12, 7), pain, Set.of(), Set.of());
    }

    @Test
    void conditionsComeFromGoalsAndSportNeverFromPain() {
        assertThat(EvidenceRank.targetConditions(profile(List.of("acl"), "desk-bound", List.of())))
                .containsExactly("acl-injury", "gluteal-amnesia", "low-back-pain");
        assertThat(EvidenceRank.targetConditions(profile(List.of(), "general",
                List.of(new AthleteProfile.Pain("knee", 5, "acute"))))).isEmpty();
        assertThat(EvidenceRank.targetConditions(profile(List.of("groin", "hamstring"), null, List.of())))
                .containsExactly("groin-injury", "hamstring-strain");
    }

    @Test
    void onlyWhatWasMeasuredOnTheExerciseCountsNotTheSourcesItCites() {
        ExercisePublished cited = exercise(List.of(), List.of(), List.of("marshall-2011", "boren-2011", "medius-seed-2020"),
                List.of(), List.of());
        assertThat(EvidenceRank.score(cited, Set.of())).isZero();

        ExercisePublished measured = exercise(List.of(), List.of(new MuscleWork("gluteus-medius", "primary", 50.0)),
                List.of(), List.of(new Finding("distefano-2009", "gluteus-medius-mvic", 81.0, "%MVIC", null),
                        new Finding("boren-2011", "gluteus-medius-mvic", 40.0, "%MVIC", null)), List.of());
        // primary 20 + strongest activation 81 / 10 + two measuring sources x 2
        assertThat(EvidenceRank.score(measured, Set.of())).isEqualTo(20 + 8.1 + 4);

        ExercisePublished seed = exercise(List.of("acl-injury"), List.of(new MuscleWork("gluteus-medius", "secondary", null)),
                List.of(), List.of(new Finding(EvidenceRank.SEED_SOURCE, "prescribed-dose", null, null, "3 x 10"),
                        new Finding("haroy-2019", "injury-risk-reduction", 41.0, "%", null),
                        new Finding("other", "prescribed-dose", null, null, null)), List.of());
        // condition 10 + secondary 5 + seed dose 25 + trial 10 + three sources x 2
        assertThat(EvidenceRank.score(seed, Set.of("acl-injury"))).isEqualTo(10 + 5 + 25 + 10 + 6);
    }

    @Test
    void anExerciseLoadingAPainfulAreaScoresLowerEvenWhenThePainHasSettled() {
        ExercisePublished loadsKnee = exercise(List.of(), List.of(), List.of(), List.of(), List.of("knee"));
        double without = EvidenceRank.score(loadsKnee, Set.of(), profile(List.of(), "general", List.of()));
        double with = EvidenceRank.score(loadsKnee, Set.of(), profile(List.of(), "general",
                List.of(new AthleteProfile.Pain("knee", 1, "history"))));
        assertThat(with).isEqualTo(without - EvidenceRank.PAINFUL_AREA_PENALTY);
        double elsewhere = EvidenceRank.score(loadsKnee, Set.of(), profile(List.of(), "general",
                List.of(new AthleteProfile.Pain("shoulder", 1, "history"))));
        assertThat(elsewhere).isEqualTo(without);
    }

    private static ExercisePublished named(String slug, UUID id, List<String> conditions) {
        return new ExercisePublished(id, null, slug, slug, null, "strength", "squat", "beginner", List.of(), "bilateral",
                null, List.of(), conditions, List.of(), List.of(), List.of(), List.of(), null, List.of(), 1, null, List.of(),
                List.of());
    }

    @Test
    void goalsAndSportAreReadInAnyCaseAndUnknownOnesAddNothing() {
        assertThat(EvidenceRank.targetConditions(profile(List.of(" ACL "), " Running", List.of())))
                .containsExactly("acl-injury", "patellofemoral-pain", "knee-injury");
        assertThat(EvidenceRank.targetConditions(profile(List.of("juggling"), "chess", List.of()))).isEmpty();
    }

    @Test
    void eachConditionAddressedAddsTenAndGluteusMediusAsAPrimeMoverTwentyOrAssistingFive() {
        ExercisePublished twoConditions = exercise(List.of("Knee-Injury", "acl-injury", "ankle-sprain"),
                List.of(new MuscleWork("gluteus-maximus", "primary", null)), List.of(), List.of(), List.of());
        assertThat(EvidenceRank.score(twoConditions, Set.of("knee-injury", "acl-injury"))).isEqualTo(20);
        ExercisePublished assisting = exercise(List.of(), List.of(new MuscleWork("gluteus-medius", "stabiliser", null)),
                List.of(), List.of(), List.of());
        assertThat(EvidenceRank.score(assisting, Set.of())).isEqualTo(5);
        ExercisePublished empty = new ExercisePublished(UUID.randomUUID(), null, "e", "E", null, "strength", "squat",
                "beginner", null, "bilateral", null, null, null, null, null, null, null, null, null, 1, null, List.of(),
                List.of());
        assertThat(EvidenceRank.score(empty, Set.of("knee-injury"))).isZero();
    }

    @Test
    void activationCountsATenthOfItsStrongestMeasureUpTo120PercentAndEachMeasuringSourceOnce() {
        ExercisePublished strong = exercise(List.of(), List.of(), List.of(), List.of(
                new Finding("boren-2011", "gluteus-medius-mvic", 150.0, "%MVIC", null),
                new Finding("boren-2011", "gluteus-medius-mvic", 90.0, "%MVIC", null),
                new Finding("ekstrom-2007", "gluteus-medius-mvic", null, "%MVIC", null)), List.of());
        // capped at 120 % -> 12, two distinct sources -> 4
        assertThat(EvidenceRank.score(strong, Set.of())).isEqualTo(12 + 4);
    }

    @Test
    void aFindingWithoutASourceOrAMeasureCountsForNothingAndAnUnknownMeasureOnlyForItsSource() {
        ExercisePublished vague = exercise(List.of(), List.of(), List.of(), List.of(
                new Finding(null, "injury-risk-reduction", 41.0, "%", null),
                new Finding("haroy-2019", null, 41.0, "%", null),
                new Finding("lewis-2019", "band-tension", 5.0, "N", null)), List.of());
        assertThat(EvidenceRank.score(vague, Set.of())).isEqualTo(2);
        ExercisePublished otherDose = exercise(List.of(), List.of(), List.of(), List.of(
                new Finding("lewis-2019", "prescribed-dose", null, null, "3 x 10")), List.of());
        // only the founding article's own doses count; another source's dose is just a source that measured it
        assertThat(EvidenceRank.score(otherDose, Set.of())).isEqualTo(2);
    }

    @Test
    void everyReportedPainAnExerciseLoadsLowersItAgainIncludingANarrowerArea() {
        ExercisePublished loadsHipAndKnee = exercise(List.of(), List.of(), List.of(), List.of(), List.of("hip", "knee"));
        double twoAreas = EvidenceRank.score(loadsHipAndKnee, Set.of(), profile(List.of(), "general",
                List.of(new AthleteProfile.Pain("knee", 2, "history"), new AthleteProfile.Pain("lateral-hip", 2, "history"))));
        assertThat(twoAreas).isEqualTo(-2 * EvidenceRank.PAINFUL_AREA_PENALTY);
    }

    @Test
    void theBetterSupportedExerciseComesFirstAndTiesBreakOnSlugThenId() {
        AthleteProfile athlete = profile(List.of("knee"), null, List.of());
        var order = EvidenceRank.order(EvidenceRank.targetConditions(athlete), athlete);
        ExercisePublished addressed = named("zz-addressed", UUID.fromString("00000000-0000-0000-0000-000000000009"),
                List.of("knee-injury"));
        ExercisePublished a = named("aa", UUID.fromString("00000000-0000-0000-0000-000000000002"), List.of());
        ExercisePublished aAgain = named("aa", UUID.fromString("00000000-0000-0000-0000-000000000001"), List.of());
        ExercisePublished b = named("bb", UUID.fromString("00000000-0000-0000-0000-000000000000"), List.of());
        assertThat(java.util.stream.Stream.of(b, a, addressed, aAgain).sorted(order).toList())
                .containsExactly(addressed, aAgain, a, b);
    }
}
