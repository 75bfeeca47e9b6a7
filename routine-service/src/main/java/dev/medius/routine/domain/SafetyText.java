package dev.medius.routine.domain;

import java.util.List;
import java.util.Locale;

/**
 * What an athlete must read with a plan, in their language: that it does not replace professional
 * advice, and how much pain each exercise may cause (Silbernagel 2007's pain-monitoring model: pain
 * during exercise within a ceiling, settled by the next morning, not rising from week to week).
 */
public final class SafetyText {

    /** The ceiling for pain during an exercise that loads a painful area; many clinicians use 3/10. */
    public static final int PAIN_CEILING = 3;
    /** Persistent tendon pain may be loaded up to 5/10 (Silbernagel 2007). */
    public static final int TENDON_PAIN_CEILING = 5;
    private static final List<String> TENDON_AREAS = List.of("achilles", "lateral-hip");

    private SafetyText() {
    }

    public static String language(String language) {
        return language != null && language.toLowerCase(Locale.ROOT).startsWith("es") ? "es" : "en";
    }

    public static List<String> plan(String language) {
        if ("es".equals(language(language))) {
            return List.of(
                    "Este plan es informativo y no sustituye el consejo de un profesional sanitario. Ante un dolor que empeora, hinchazón, bloqueo, fallos de la rodilla, dolor nocturno u hormigueo, deja de entrenar y consulta.",
                    "Vigila el dolor: durante un ejercicio no debe pasar de " + PAIN_CEILING
                            + "/10, debe haberse calmado a la mañana siguiente y no debe aumentar de una semana a otra (Silbernagel 2007).");
        }
        return List.of(
                "This plan is for information and does not replace advice from a health professional. Stop and seek advice if pain worsens, or with swelling, locking, the knee giving way, night pain, numbness or tingling.",
                "Monitor pain: during an exercise it should stay at or below " + PAIN_CEILING
                        + "/10, be settled by the next morning and not rise from week to week (Silbernagel 2007).");
    }

    /** The pain rule for one exercise: a ceiling for the painful area it loads, else pain-free work. */
    public static String item(ExerciseArea loaded, String language) {
        boolean es = "es".equals(language(language));
        if (loaded == null) {
            return es ? "Debe ser indoloro: si el dolor supera " + PAIN_CEILING + "/10, para la serie y anótalo."
                    : "Should be pain-free: if pain passes " + PAIN_CEILING + "/10, stop the set and log it.";
        }
        int ceiling = ceiling(loaded);
        return es ? "Vigila la zona dolorida (" + loaded.label("es") + "): dolor de hasta " + ceiling
                + "/10 durante el ejercicio, calmado a la mañana siguiente y sin aumentar de semana en semana; si no, para y anótalo."
                : "Watch the painful " + loaded.label("en") + ": pain up to " + ceiling
                        + "/10 during the exercise, settled by the next morning and not rising week to week; otherwise stop and log it.";
    }

    static int ceiling(ExerciseArea loaded) {
        return loaded.persistent() && TENDON_AREAS.contains(loaded.area()) ? TENDON_PAIN_CEILING : PAIN_CEILING;
    }

    /** A reported painful area that an exercise loads, and whether the pain there is persistent. */
    public record ExerciseArea(String area, boolean persistent) {

        String label(String language) {
            return Terms.terms(Terms.Kind.PAIN_AREA).stream().filter(t -> t.value().equals(area)).findFirst()
                    .map(t -> t.label(language).toLowerCase(Locale.ROOT)).orElse(area);
        }
    }
}
