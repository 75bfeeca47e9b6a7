package dev.medius.catalog.rest;

import java.util.List;

import dev.medius.catalog.service.ExerciseView;

/** One page of exercises, in a stable order, with the total number of matches. */
public record ExercisePage(List<ExerciseView> items, int page, int size, long total, long totalPages) {
}
