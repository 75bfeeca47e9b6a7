package dev.medius.catalog.service;

import java.util.List;

import dev.medius.runtime.validation.PageSize;

/**
 * What a list request asks for: free text, filters that all must hold (several values of one filter mean any of
 * them), sort (null for the default) and page. {@code equipment} is what the athlete has, null for any.
 */
public record ExerciseSearch(String text, List<String> muscles, List<String> patterns, List<String> equipment,
        List<String> levels, List<String> conditions, List<String> categories, List<String> statuses, String sort,
        int page, int size) {

    /** The largest page a search may ask for. */
    public static final int MAX_SIZE = PageSize.MAX;
}
