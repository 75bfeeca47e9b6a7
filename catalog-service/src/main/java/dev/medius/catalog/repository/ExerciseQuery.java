package dev.medius.catalog.repository;

import java.util.List;

/**
 * What a search reads: free text (already corrected for typos), filters that all must hold (several values of
 * one filter mean any of them; {@code availableEquipment} null for any), sort and page.
 */
public record ExerciseQuery(String tenant, String text, List<String> muscles, List<String> patterns,
        List<String> availableEquipment, List<String> levels, List<String> conditions, List<String> categories,
        List<String> statuses, String sort, int page, int size) {

    /** The orders a search can be read in: by relevance to the text, by name, by last change. */
    public static final List<String> SORTS = List.of("relevance", "name", "-name", "updated", "-updated");
}
