package dev.medius.progress.service;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import dev.medius.progress.domain.Rejection;
import dev.medius.progress.domain.TenantKey;

/**
 * What an ingestion transaction did: the athletes whose facts changed, duplicates, events of athletes erased since and
 * rejections, by batch index.
 */
record Applied(Set<TenantKey> athletes, Set<Integer> duplicates, Set<Integer> erased, Map<Integer, Rejection> rejections) {

    static final Applied NONE = new Applied(Set.of(), Set.of(), Set.of(), Map.of());

    static Applied rejected(Contribution event, Rejection rejection) {
        return new Applied(Set.of(), Set.of(), Set.of(), Map.of(event.index(), rejection));
    }

    static Applied erased(Set<Integer> events) {
        return new Applied(Set.of(), Set.of(), events, Map.of());
    }

    Applied and(Applied other) {
        Set<TenantKey> allAthletes = new LinkedHashSet<>(athletes);
        allAthletes.addAll(other.athletes);
        Set<Integer> allDuplicates = new HashSet<>(duplicates);
        allDuplicates.addAll(other.duplicates);
        Set<Integer> allErased = new HashSet<>(erased);
        allErased.addAll(other.erased);
        Map<Integer, Rejection> allRejections = new HashMap<>(rejections);
        allRejections.putAll(other.rejections);
        return new Applied(allAthletes, allDuplicates, allErased, allRejections);
    }
}
