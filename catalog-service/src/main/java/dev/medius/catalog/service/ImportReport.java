package dev.medius.catalog.service;

import java.util.List;
import java.util.Map;

/**
 * What an import did: how many entries were new, changed or already up to date, which fields had to be
 * given defaults (and how often), which source muscles have no Medius counterpart, and what was refused.
 */
public record ImportReport(String source, int received, int imported, int updated, int unchanged, int rejected,
        int defaulted, Map<String, Integer> defaultedFields, Map<String, Integer> mappedMuscles,
        Map<String, Integer> unmappedMuscles, List<Rejection> rejections) {

    /** An entry that was not imported, and why. */
    public record Rejection(int index, String id, String field, String reason) {
    }
}
