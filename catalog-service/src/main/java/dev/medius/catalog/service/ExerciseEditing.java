package dev.medius.catalog.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.medius.catalog.domain.Exercise;
import dev.medius.catalog.domain.ExerciseStatus;
import dev.medius.catalog.domain.ExerciseView;
import dev.medius.catalog.events.ExerciseEvents;
import dev.medius.catalog.repository.ExerciseRepository;
import dev.medius.catalog.repository.LadderRepository;
import dev.medius.runtime.problem.Problem;
import dev.medius.runtime.problem.ProblemException;
import dev.medius.runtime.security.Caller;

/**
 * Changing the library: custom exercises, edits with optimistic concurrency and the editorial workflow
 * (draft, review, published, retired), each change with its revision and, where plans must hear of it, its event.
 */
@ApplicationScoped
public class ExerciseEditing {

    @Inject
    ExerciseRepository exercises;

    @Inject
    LadderRepository ladders;

    @Inject
    ExerciseRequestChecks checks;

    @Inject
    ExerciseViews views;

    @Inject
    Revisions revisions;

    @Inject
    ExerciseEvents events;

    @Inject
    Clock clock;

    /** Tells the replica's rendered reads that content changed, once this transaction commits. */
    @Inject
    Event<CatalogChanged> changed;

    /** A new custom exercise of the caller's organisation, as a draft. */
    @Transactional
    public Exercise create(ExerciseRequest request, Caller caller) {
        changed.fire(new CatalogChanged("created"));
        String tenant = caller.tenant();
        if (exercises.findVisibleBySlug(request.slug(), tenant).isPresent()) {
            throw slugInUse(request.slug());
        }
        Exercise exercise = Exercise.firstRevision(UUID.randomUUID(), Exercise.ORIGIN_CUSTOM, ExerciseStatus.DRAFT, now());
        exercise.tenantId = tenant;
        ExerciseRequestChecks.Links links = checks.check(request, tenant, exercise.id);
        request.copyTo(exercise);
        exercises.persist(exercise);
        exercises.flush();
        ladders.replace(exercise.id, links.easier(), links.harder());
        revisions.record(exercise, "created", caller.subject());
        return exercise;
    }

    /** Replaces an exercise's content if the caller holds its current version; a published one is republished. */
    @Transactional
    public Exercise update(UUID id, int expectedRevision, ExerciseRequest request, Caller caller) {
        changed.fire(new CatalogChanged("updated"));
        Exercise exercise = writable(id, caller);
        if (exercise.revision != expectedRevision) {
            throw new ProblemException(412, "Precondition Failed", "the exercise changed since revision "
                    + expectedRevision + "; it is now at revision " + exercise.revision + ": read it again");
        }
        if (!exercise.slug.equals(request.slug())) {
            Optional<Exercise> clash = exercise.tenantId == null ? exercises.findGlobalBySlug(request.slug())
                    : exercises.findVisibleBySlug(request.slug(), exercise.tenantId);
            if (clash.isPresent()) {
                throw slugInUse(request.slug());
            }
        }
        ExerciseView before = views.complete(exercise);
        ExerciseRequestChecks.Links links = checks.check(request,
                exercise.tenantId == null ? "" : exercise.tenantId, exercise.id);
        request.copyTo(exercise);
        exercises.flush();
        ladders.replace(exercise.id, links.easier(), links.harder());
        if (Objects.equals(before, views.complete(exercise))) {
            return exercise;
        }
        exercise.revision++;
        exercise.updatedAt = now();
        ExerciseView current = revisions.record(exercise, "updated", caller.subject());
        if (ExerciseStatus.PUBLISHED.equals(exercise.status)) {
            events.published(current);
        }
        return exercise;
    }

    @Transactional
    public Exercise submitForReview(UUID id, Caller caller) {
        return advance(id, caller, "submitted for review", (exercise, now) -> {
            if (!ExerciseStatus.DRAFT.equals(exercise.status)) {
                throw conflict("only a draft can go to review; this exercise is " + exercise.status);
            }
            exercise.status = ExerciseStatus.IN_REVIEW;
        }, null);
    }

    @Transactional
    public Exercise publish(UUID id, Caller caller) {
        return advance(id, caller, "published", (exercise, now) -> {
            if (ExerciseStatus.PUBLISHED.equals(exercise.status)) {
                throw conflict("the exercise is already published");
            }
            exercise.status = ExerciseStatus.PUBLISHED;
            exercise.publishedAt = now;
            exercise.retiredAt = null;
        }, events::published);
    }

    @Transactional
    public Exercise retire(UUID id, Caller caller) {
        return advance(id, caller, "retired", (exercise, now) -> {
            if (ExerciseStatus.RETIRED.equals(exercise.status)) {
                throw conflict("the exercise is already retired");
            }
            exercise.status = ExerciseStatus.RETIRED;
            exercise.retiredAt = now;
        }, events::retired);
    }

    /** One step of the workflow: {@code step} checks and moves the status, then a revision and the event, if any. */
    private Exercise advance(UUID id, Caller caller, String action, BiConsumer<Exercise, OffsetDateTime> step,
            Consumer<ExerciseView> event) {
        changed.fire(new CatalogChanged(action));
        Exercise exercise = writable(id, caller);
        OffsetDateTime now = now();
        step.accept(exercise, now);
        exercise.revision++;
        exercise.updatedAt = now;
        ExerciseView state = revisions.record(exercise, action, caller.subject());
        if (event != null) {
            event.accept(state);
        }
        return exercise;
    }

    /**
     * An exercise this caller may change. Custom exercises belong to their organisation's editors; the
     * global library, which every organisation reads, changes only through admins.
     */
    private Exercise writable(UUID id, Caller caller) {
        Exercise exercise = exercises.findVisible(id, caller.tenant())
                .orElseThrow(() -> ProblemException.notFound("exercise " + id));
        if (exercise.tenantId == null && !caller.isAdmin()) {
            throw new ProblemException(403, "Forbidden", "the global library changes only through admins");
        }
        return exercise;
    }

    private static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }

    private static ProblemException slugInUse(String slug) {
        return new ProblemException(409, "Conflict", "slug: an exercise '" + slug + "' already exists",
                List.of(new Problem.FieldError("slug", "already in use")));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
