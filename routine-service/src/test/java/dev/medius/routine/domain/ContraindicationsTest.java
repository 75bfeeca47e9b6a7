package dev.medius.routine.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.medius.events.catalog.ExercisePublished;
import dev.medius.events.catalog.ExercisePublished.Contraindication;

class ContraindicationsTest {

    static ExercisePublished exercise(String slug, List<String> loads, List<Contraindication> rules) {
        return new ExercisePublished(UUID.nameUUIDFromBytes(slug.getBytes()), null, slug, slug, null, "activation",
                "hip-abduction", "beginner", List.of(), "per-side", null, List.of(), List.of(), List.of(), loads,
                List.of(), List.of(), null, List.of(), 1, null, rules, List.of());
    }

    static AthleteProfile painful(String area, String onset) {
        return new AthleteProfile(AthleteProfile.Level.BEGINNER, "general", List.of(), Set.of(), 2, 30, 4,
                LocalDate.of(2026, 12, 7), List.of(new AthleteProfile.Pain(area, 4, onset)), Set.of(), Set.of());
    }

    private static final ExercisePublished SIDE_LYING = exercise("side-lying-hip-abduction", List.of(),
            List.of(new Contraindication("lateral-hip", "current", "lying-on-side", "lying on the painful hip")));
    private static final ExercisePublished SQUAT = exercise("squat", List.of("knee"),
            List.of(new Contraindication("knee", "acute", "deep-knee-flexion", null)));
    private static final ExercisePublished NORDIC = exercise("nordic", List.of(),
            List.of(new Contraindication("hamstring", "any", "eccentric-hamstring-loading", "a strain, even an old one")));

    @Test
    void aRuleCoversTheOnsetsItsAcuityNames() {
        assertThat(Contraindications.allowed(painful("lateral-hip", "acute"), SIDE_LYING)).isFalse();
        assertThat(Contraindications.allowed(painful("lateral-hip", "persistent"), SIDE_LYING)).isFalse();
        assertThat(Contraindications.allowed(painful("lateral-hip", "history"), SIDE_LYING)).isTrue();
        assertThat(Contraindications.allowed(painful("hamstring", "history"), NORDIC)).isFalse();
        assertThat(Contraindications.against(painful("hamstring", "history"), NORDIC)).hasValue(
                "nordic is contraindicated with history hamstring pain (a strain, even an old one)");
        assertThat(Contraindications.allowed(painful("knee", "acute"), SQUAT)).isFalse();
    }

    @Test
    void aWiderOrNarrowerAreaCountsAndAnUnrelatedOneDoesNot() {
        // hip pain of unknown kind may be the gluteal tendon
        assertThat(Contraindications.allowed(painful("hip", "persistent"), SIDE_LYING)).isFalse();
        assertThat(Contraindications.allowed(painful("groin", "persistent"), SIDE_LYING)).isTrue();
        assertThat(Contraindications.allowed(painful("shoulder", "acute"), SIDE_LYING)).isTrue();
        assertThat(Contraindications.allowed(painful("ankle", "acute"), NORDIC)).isTrue();
    }

    @Test
    void anExerciseLoadingAnAreaThatHurtsNowIsLeftOutButNotForASettledPain() {
        assertThat(Contraindications.against(painful("knee", "persistent"), SQUAT)).hasValue("squat loads the painful knee");
        assertThat(Contraindications.allowed(painful("knee", "history"), SQUAT)).isTrue();
        assertThat(Contraindications.loads(SQUAT, "knee")).isTrue();
        assertThat(Contraindications.loads(SQUAT, "hip")).isFalse();
        AthleteProfile none = new AthleteProfile(AthleteProfile.Level.BEGINNER, "general", List.of(), Set.of(), 2, 30, 4,
                LocalDate.of(2026, 12, 7), List.of(), Set.of(), Set.of());
        assertThat(Contraindications.allowed(none, SQUAT)).isTrue();
    }

    @Test
    void painWithoutAnOnsetIsTakenAsAcute() {
        assertThat(new AthleteProfile.Pain("knee", null, null).onset()).isEqualTo("acute");
        assertThat(new AthleteProfile.Pain("knee", 2, "history").current()).isFalse();
        assertThat(painful("knee", "history").painAreas()).isEmpty();
        assertThat(painful("knee", "persistent").painAreas()).containsExactly("knee");
    }

    @Test
    void screeningSendsRedFlagsAndSeverePainToAClinician() {
        AthleteProfile flagged = new AthleteProfile(AthleteProfile.Level.BEGINNER, "general", List.of(), Set.of(), 2, 30,
                4, LocalDate.of(2026, 12, 7), List.of(new AthleteProfile.Pain("knee", 8, "acute"),
                        new AthleteProfile.Pain("hip", 7, "acute"), new AthleteProfile.Pain("ankle", 9, "history")),
                Set.of(), Set.of("night-pain"));
        assertThat(Screening.concerns(flagged)).extracting(Screening.Concern::field)
                .containsExactly("redFlags", "pain[0].severity");
        assertThat(Screening.concerns(flagged).get(0).reason()).startsWith("pain at night that does not ease");
        assertThat(Screening.concerns(painful("knee", "acute"))).isEmpty();
    }

    @Test
    void aRuleWithoutAnAcuityCoversEveryOnsetAndOneWithoutAnAreaCoversNone() {
        ExercisePublished anyOnset = exercise("kneeling-lunge", List.of(),
                List.of(new Contraindication(null, "any", "kneeling", "pad the knee"),
                        new Contraindication("knee", null, "kneeling", null)));
        assertThat(Contraindications.against(painful("knee", "history"), anyOnset))
                .hasValue("kneeling-lunge is contraindicated with history knee pain");
        assertThat(Contraindications.allowed(painful("ankle", "acute"), anyOnset)).isTrue();
    }

    @Test
    void everyReportedPainIsCheckedNotOnlyTheFirst() {
        AthleteProfile two = new AthleteProfile(AthleteProfile.Level.BEGINNER, "general", List.of(), Set.of(), 2, 30, 4,
                LocalDate.of(2026, 12, 7), List.of(new AthleteProfile.Pain("shoulder", 3, "acute"),
                        new AthleteProfile.Pain("knee", 3, "persistent")), Set.of(), Set.of());
        assertThat(Contraindications.against(two, exercise("step-down", List.of("knee"), List.of())))
                .hasValue("step-down loads the painful knee");
        assertThat(Contraindications.against(two, SIDE_LYING)).isEmpty();
    }

    @Test
    void theAreasAnExerciseLoadsAreReadInAnyCaseAndNarrowerPainCountsForThem() {
        ExercisePublished loadsHip = exercise("hip-hinge", List.of(" Hip "), List.of());
        assertThat(Contraindications.loads(loadsHip, "hip")).isTrue();
        assertThat(Contraindications.loads(loadsHip, "lateral-hip")).isTrue();
        assertThat(Contraindications.loads(loadsHip, "knee")).isFalse();
        assertThat(Contraindications.loads(exercise("nothing", null, List.of()), "knee")).isFalse();
        assertThat(Contraindications.against(painful("groin", "acute"), loadsHip)).hasValue("hip-hinge loads the painful groin");
    }
}
