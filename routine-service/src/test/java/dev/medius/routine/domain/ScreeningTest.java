package dev.medius.routine.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.medius.routine.domain.AthleteProfile.Pain;
import dev.medius.routine.domain.Screening.Concern;

class ScreeningTest {

    private static AthleteProfile screened(List<Pain> pain, Set<String> redFlags) {
        return new AthleteProfile(AthleteProfile.Level.BEGINNER, "general", List.of(), Set.of(), 2, 30, 4,
                LocalDate.of(2026, 12, 7), pain, Set.of(), redFlags);
    }

    @Test
    void painOfEightOrMoreInAnAreaThatHurtsNowIsARedFlagAndSevenIsNot() {
        assertThat(Screening.concerns(screened(List.of(new Pain("knee", 8, "acute")), Set.of())))
                .containsExactly(new Concern("pain[0].severity",
                        "knee pain of 8/10 is too severe to train through; it needs a clinician's assessment first"));
        assertThat(Screening.concerns(screened(List.of(new Pain("low-back", 10, "persistent")), Set.of())))
                .extracting(Concern::field).containsExactly("pain[0].severity");
        assertThat(Screening.concerns(screened(List.of(new Pain("knee", 7, "acute")), Set.of()))).isEmpty();
    }

    @Test
    void aSettledPainOrOneWithoutASeverityIsNoRedFlag() {
        assertThat(Screening.concerns(screened(List.of(new Pain("ankle", 9, "history")), Set.of()))).isEmpty();
        assertThat(Screening.concerns(screened(List.of(new Pain("ankle", null, "acute")), Set.of()))).isEmpty();
    }

    @Test
    void eachSeverePainIsNamedByItsOwnPlaceInTheProfile() {
        var concerns = Screening.concerns(screened(List.of(new Pain("hip", 3, "acute"), new Pain("ankle", 9, "acute"),
                new Pain("knee", 8, "persistent")), Set.of()));
        assertThat(concerns).extracting(Concern::field).containsExactly("pain[1].severity", "pain[2].severity");
        assertThat(concerns.get(0).reason()).startsWith("ankle pain of 9/10");
    }

    @Test
    void everyRedFlagIsNamedInWordsInAStableOrder() {
        var concerns = Screening.concerns(screened(List.of(), Set.of("numbness-or-tingling", "giving-way")));
        assertThat(concerns).containsExactly(
                new Concern("redFlags", "the knee or ankle gives way needs a clinician's assessment before training"),
                new Concern("redFlags", "numbness or tingling needs a clinician's assessment before training"));
        // a flag outside the vocabulary still stops the plan, named as given
        assertThat(Screening.concerns(screened(List.of(), Set.of("chest-pain"))))
                .containsExactly(new Concern("redFlags", "chest-pain needs a clinician's assessment before training"));
    }

    @Test
    void aProfileWithoutFlagsOrSeverePainHasNoConcerns() {
        assertThat(Screening.concerns(screened(List.of(new Pain("knee", 4, "acute")), Set.of()))).isEmpty();
    }
}
