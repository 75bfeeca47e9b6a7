package dev.medius.routine.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.medius.routine.domain.SafetyText.ExerciseArea;

class SafetyTextTest {

    @Test
    void spanishIsChosenForAnySpanishLanguageTagAndEnglishOtherwise() {
        assertThat(SafetyText.language("es")).isEqualTo("es");
        assertThat(SafetyText.language("ES-mx")).isEqualTo("es");
        assertThat(SafetyText.language("en-GB")).isEqualTo("en");
        assertThat(SafetyText.language("fr")).isEqualTo("en");
        assertThat(SafetyText.language(null)).isEqualTo("en");
    }

    @Test
    void everyPlanSaysItIsNoSubstituteForAdviceAndGivesThePainMonitoringRule() {
        assertThat(SafetyText.plan("en")).hasSize(2).satisfiesExactly(
                disclaimer -> assertThat(disclaimer).contains("does not replace advice from a health professional")
                        .contains("swelling").contains("the knee giving way").contains("numbness or tingling"),
                monitoring -> assertThat(monitoring).contains("at or below 3/10").contains("settled by the next morning")
                        .contains("not rise from week to week").contains("Silbernagel 2007"));
        assertThat(SafetyText.plan("es-ES")).hasSize(2).satisfiesExactly(
                disclaimer -> assertThat(disclaimer).contains("no sustituye el consejo de un profesional sanitario"),
                monitoring -> assertThat(monitoring).contains("no debe pasar de 3/10")
                        .contains("calmado a la mañana siguiente").contains("Silbernagel 2007"));
        assertThat(SafetyText.plan(null)).isEqualTo(SafetyText.plan("en"));
    }

    @Test
    void anExerciseThatLoadsNoPainfulAreaShouldBePainFree() {
        assertThat(SafetyText.item(null, "en"))
                .isEqualTo("Should be pain-free: if pain passes 3/10, stop the set and log it.");
        assertThat(SafetyText.item(null, "es"))
                .isEqualTo("Debe ser indoloro: si el dolor supera 3/10, para la serie y anótalo.");
    }

    @Test
    void persistentAchillesOrLateralHipTendonPainMayReachFiveAndEverythingElseThree() {
        assertThat(SafetyText.ceiling(new ExerciseArea("achilles", true))).isEqualTo(5);
        assertThat(SafetyText.ceiling(new ExerciseArea("lateral-hip", true))).isEqualTo(5);
        // a tendon pain that has settled, and any other persistent pain, keep the stricter ceiling
        assertThat(SafetyText.ceiling(new ExerciseArea("achilles", false))).isEqualTo(3);
        assertThat(SafetyText.ceiling(new ExerciseArea("knee", true))).isEqualTo(3);
    }

    @Test
    void theRuleForALoadedPainfulAreaNamesTheAreaInTheAthletesLanguageWithItsCeiling() {
        assertThat(SafetyText.item(new ExerciseArea("achilles", true), "en")).isEqualTo(
                "Watch the painful achilles tendon: pain up to 5/10 during the exercise, settled by the next morning"
                        + " and not rising week to week; otherwise stop and log it.");
        assertThat(SafetyText.item(new ExerciseArea("knee", false), "es")).isEqualTo(
                "Vigila la zona dolorida (rodilla): dolor de hasta 3/10 durante el ejercicio, calmado a la mañana"
                        + " siguiente y sin aumentar de semana en semana; si no, para y anótalo.");
        assertThat(SafetyText.item(new ExerciseArea("lateral-hip", true), "es-AR"))
                .startsWith("Vigila la zona dolorida (cara lateral de la cadera (tendón glúteo)): dolor de hasta 5/10");
        // an area outside the vocabulary is named as given rather than dropped
        assertThat(SafetyText.item(new ExerciseArea("elbow", false), "en")).startsWith("Watch the painful elbow: pain up to 3/10");
    }
}
