package dev.medius.routine.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.medius.events.catalog.ExercisePublished;
import dev.medius.events.catalog.ExerciseRetired;
import dev.medius.routine.domain.CatalogExercise;
import dev.medius.routine.repository.CatalogExerciseRepository;

/** This service's copy of the exercise catalog, fed by catalog.exercises. */
@ApplicationScoped
public class CatalogReadModel {

    private static final Logger LOG = Logger.getLogger(CatalogReadModel.class);

    @Inject
    CatalogExerciseRepository exercises;

    @Inject
    ObjectMapper json;

    /** Stores a published exercise unless this copy already holds its revision or a newer one. */
    @Transactional
    public boolean published(ExercisePublished exercise) {
        try {
            return exercises.upsertIfNewer(exercise.exerciseId(), blankToNull(exercise.tenant()), exercise.slug(),
                    exercise.revision(), true, json.writeValueAsString(exercise), false) > 0;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Marks an exercise unavailable; plans stop choosing it. */
    @Transactional
    public boolean retired(ExerciseRetired retired) {
        return exercises.upsertIfNewer(retired.exerciseId(), blankToNull(retired.tenant()), retired.slug(),
                retired.revision(), false, null, true) > 0;
    }

    /** Published exercises an organisation may use: the global library and its own. */
    @Transactional
    public List<ExercisePublished> usableBy(String tenant) {
        return exercises.usableBy(tenant).stream().map(this::read).flatMap(Optional::stream).collect(Collectors.toList());
    }

    /** A usable exercise by id or slug; an organisation's own exercise wins over a global one of the same slug. */
    @Transactional
    public Optional<ExercisePublished> find(String tenant, String idOrSlug) {
        UUID id = parseUuid(idOrSlug);
        return usableBy(tenant).stream()
                .filter(e -> id != null ? e.exerciseId().equals(id) : e.slug().equals(idOrSlug))
                .sorted((a, b) -> Boolean.compare(b.tenant() != null, a.tenant() != null))
                .findFirst();
    }

    private Optional<ExercisePublished> read(CatalogExercise row) {
        if (row.content == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(row.content, ExercisePublished.class));
        } catch (JsonProcessingException e) {
            LOG.warnf("catalog exercise %s has unreadable content: %s", row.id, e.getOriginalMessage());
            return Optional.empty();
        }
    }

    static UUID parseUuid(String value) {
        try {
            return value != null && value.length() == 36 ? UUID.fromString(value) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
