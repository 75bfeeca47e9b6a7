package dev.medius.catalog.events;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.medius.catalog.domain.ExerciseView;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import dev.medius.events.catalog.ExercisePublished;
import dev.medius.events.catalog.ExerciseRetired;
import dev.medius.runtime.outbox.Outbox;

/**
 * Writes {@code exercise.published.v1} and {@code exercise.retired.v1} to the outbox, keyed by exercise id
 * on the compacted {@code catalog.exercises} topic; callers run inside the transaction of the change.
 */
@ApplicationScoped
public class ExerciseEvents {

    private static final String SOURCE = "/medius/catalog-service";
    /** The CloudEvents tenant of global content, which belongs to no organisation. */
    private static final String GLOBAL_TENANT = "global";

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    public void published(ExerciseView exercise) {
        ExercisePublished data = new ExercisePublished(exercise.id(), exercise.tenant(), exercise.slug(),
                exercise.name(), exercise.summary(), exercise.category(), exercise.pattern(), exercise.level(),
                exercise.equipment(), exercise.laterality(),
                exercise.prescription(),
                exercise.muscles().stream()
                        .map(m -> new ExercisePublished.MuscleWork(m.muscle(), m.role(), m.activationMvicPercent()))
                        .toList(),
                exercise.conditions(), exercise.contraindications(), exercise.painAreasToAvoid(), exercise.easier(),
                exercise.harder(), exercise.evidence(), exercise.sourceKeys(), exercise.revision(),
                exercise.publishedAt() == null ? now() : exercise.publishedAt(),
                exercise.contraindicationRules().stream()
                        .map(r -> new ExercisePublished.Contraindication(r.area(), r.acuity(), r.position(), r.note()))
                        .toList(),
                exercise.findings().stream()
                        .map(f -> new ExercisePublished.Finding(f.sourceKey(), f.measure(), f.value(), f.unit(), f.note()))
                        .toList());
        record(exercise, EventTypes.EXERCISE_PUBLISHED, data);
    }

    public void retired(ExerciseView exercise) {
        ExerciseRetired data = new ExerciseRetired(exercise.id(), exercise.tenant(), exercise.slug(),
                exercise.revision(), exercise.retiredAt() == null ? now() : exercise.retiredAt());
        record(exercise, EventTypes.EXERCISE_RETIRED, data);
    }

    private void record(ExerciseView exercise, String type, Object data) {
        String key = exercise.id().toString();
        String tenant = exercise.tenant() == null ? GLOBAL_TENANT : exercise.tenant();
        outbox.record(Outbox.Envelope.of(tenant, Topics.CATALOG_EXERCISES, key, type, SOURCE, key, data));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
