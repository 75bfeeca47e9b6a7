package dev.medius.catalog.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.medius.catalog.domain.Exercise;
import dev.medius.catalog.domain.ExerciseRevision;
import dev.medius.catalog.domain.ExerciseView;

/** The history of every exercise: one revision row, with a snapshot, per change. */
@ApplicationScoped
public class Revisions {

    @Inject
    ExerciseViews views;

    @Inject
    ObjectMapper json;

    /** Adds the revision row for the exercise's current state and returns that state. */
    public ExerciseView record(Exercise exercise, String action, String author) {
        return record(views.complete(exercise), exercise, action, author);
    }

    /** As {@link #record} for an exercise known to sit on no ladder yet. */
    public ExerciseView recordWithoutLadder(Exercise exercise, String action, String author) {
        return record(views.complete(exercise, List.of(), List.of()), exercise, action, author);
    }

    /** Every change of the exercise, newest first. */
    public List<ExerciseRevision> of(Exercise exercise) {
        return ExerciseRevision.list("exerciseId = ?1 order by revision desc", exercise.id);
    }

    private ExerciseView record(ExerciseView snapshot, Exercise exercise, String action, String author) {
        ExerciseRevision revision = new ExerciseRevision();
        revision.exerciseId = exercise.id;
        revision.revision = exercise.revision;
        revision.action = action;
        revision.author = author;
        revision.at = exercise.updatedAt;
        try {
            revision.snapshot = json.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("exercise snapshot cannot be written", e);
        }
        revision.persist();
        return snapshot;
    }
}
