package dev.medius.catalog.domain;

import java.util.Arrays;
import java.util.List;

/** What an exercise is for in a session. */
public enum ExerciseCategory {

    ACTIVATION("activation"), STRENGTH("strength"), STABILITY("stability"), MOBILITY("mobility");

    private static final List<String> SLUGS = Arrays.stream(values()).map(ExerciseCategory::toString).toList();

    private final String slug;

    ExerciseCategory(String slug) {
        this.slug = slug;
    }

    /** The categories as stored and written in the API. */
    public static List<String> slugs() {
        return SLUGS;
    }

    @Override
    public String toString() {
        return slug;
    }
}
