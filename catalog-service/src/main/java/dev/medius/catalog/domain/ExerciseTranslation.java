package dev.medius.catalog.domain;

import java.util.List;

/**
 * The text of an exercise in another language; a null field falls back to English. The notes follow the
 * order of the exercise's contraindication rules and findings.
 */
public record ExerciseTranslation(String name, List<String> aliases, String summary, List<String> steps,
        List<String> cues, List<String> mistakes, List<String> contraindications, List<String> contraindicationNotes,
        String evidence, List<String> findingNotes) {
}
