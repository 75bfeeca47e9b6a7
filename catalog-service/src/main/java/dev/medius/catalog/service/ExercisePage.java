package dev.medius.catalog.service;

import java.util.List;

import dev.medius.catalog.domain.ExerciseView;

/** One page of exercises, in a stable order, with the total number of matches. */
public record ExercisePage(List<ExerciseView> items, int page, int size, long total, long totalPages) {
}
