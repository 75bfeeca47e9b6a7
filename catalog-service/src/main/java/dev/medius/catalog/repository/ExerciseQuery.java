package dev.medius.catalog.repository;

import java.util.List;

/**
 * What a list request asks for: free text (already corrected for typos), filters that all must hold
 * (several values of one filter mean any of them), sort and page.
 */
public record ExerciseQuery(String tenant, String text, List<String> muscles, List<String> patterns,
        List<String> availableEquipment, List<String> levels, List<String> conditions, List<String> categories,
        List<String> statuses, String sort, int page, int size) {
}
