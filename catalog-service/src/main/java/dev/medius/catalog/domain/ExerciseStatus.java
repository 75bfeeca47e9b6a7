package dev.medius.catalog.domain;

import java.util.List;

/** The editorial life of an exercise: only published exercises reach plans. */
public final class ExerciseStatus {

    public static final String DRAFT = "draft";
    public static final String IN_REVIEW = "in-review";
    public static final String PUBLISHED = "published";
    public static final String RETIRED = "retired";
    public static final List<String> ALL = List.of(DRAFT, IN_REVIEW, PUBLISHED, RETIRED);

    private ExerciseStatus() {
    }
}
