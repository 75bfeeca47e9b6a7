package dev.medius.catalog.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.medius.catalog.domain.Exercise;
import dev.medius.catalog.domain.ExerciseStatus;
import dev.medius.catalog.domain.ExerciseView;
import dev.medius.catalog.repository.ExerciseRepository;
import dev.medius.catalog.repository.LadderRepository;
import dev.medius.runtime.security.Caller;

/** The library as a caller sees it, whole, for exports. */
@ApplicationScoped
public class ExerciseExport {

    @Inject
    ExerciseRepository exercises;

    @Inject
    LadderRepository ladders;

    @Inject
    ExerciseViews views;

    /** The exercises of the wanted statuses (published when none) the caller may read, every translation included. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ExerciseView> exercises(Caller caller, List<String> wanted) {
        List<String> asked = wanted == null || wanted.isEmpty() ? List.of(ExerciseStatus.PUBLISHED) : wanted;
        ExerciseService.oneOf("status", asked, ExerciseStatus.ALL);
        List<String> statuses = ExerciseService.readable(asked, caller);
        if (statuses.isEmpty()) {
            return List.of();
        }
        List<Exercise> list = exercises.list("(tenantId is null or tenantId = ?1) and status in ?2 order by slug, id",
                caller.tenant(), statuses);
        Map<UUID, Exercise> byId = new HashMap<>();
        list.forEach(e -> byId.put(e.id, e));
        Map<UUID, List<String>> easier = new HashMap<>();
        Map<UUID, List<String>> harder = new HashMap<>();
        // one query for every rung instead of two per exercise
        for (UUID[] link : ladders.allLinks()) {
            Exercise lower = byId.get(link[0]);
            Exercise upper = byId.get(link[1]);
            if (lower != null && upper != null) {
                harder.computeIfAbsent(lower.id, k -> new ArrayList<>()).add(upper.slug);
                easier.computeIfAbsent(upper.id, k -> new ArrayList<>()).add(lower.slug);
            }
        }
        List<ExerciseView> out = new ArrayList<>(list.size());
        for (Exercise e : list) {
            out.add(views.complete(e, sorted(easier.get(e.id)), sorted(harder.get(e.id))));
        }
        return out;
    }

    private static List<String> sorted(List<String> slugs) {
        return slugs == null ? List.of() : slugs.stream().sorted().toList();
    }
}
