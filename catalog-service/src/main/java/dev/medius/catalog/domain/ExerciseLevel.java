package dev.medius.catalog.domain;

import java.util.Arrays;
import java.util.List;

/** How much an athlete must already be able to do, from the first rung of a ladder up. */
public enum ExerciseLevel {

    BEGINNER("beginner"), INTERMEDIATE("intermediate"), ADVANCED("advanced");

    private static final List<String> SLUGS = Arrays.stream(values()).map(ExerciseLevel::toString).toList();

    private final String slug;

    ExerciseLevel(String slug) {
        this.slug = slug;
    }

    /** The levels as stored and written in the API, easiest first. */
    public static List<String> slugs() {
        return SLUGS;
    }

    /** Easier levels rank lower; an unknown level ranks with the hardest. */
    public static int rank(String slug) {
        int index = SLUGS.indexOf(slug);
        return index < 0 ? ADVANCED.ordinal() : index;
    }

    @Override
    public String toString() {
        return slug;
    }
}
