package dev.medius.bench;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import dev.medius.events.routine.SessionCompleted.ExerciseDone;
import dev.medius.events.routine.SessionCompleted.Pain;
import dev.medius.events.routine.SessionCompleted.PerformedSet;
import dev.medius.events.routine.SessionCompleted;

/**
 * {@code session.completed.v1} records exactly as routine-service's outbox relay writes them:
 * CloudEvents binary mode (ce_* headers, JSON value), keyed by athlete (docs/events.md).
 */
final class SessionEvents {

    static final String TENANT = "bench-club";
    private static final List<String> SLUGS = List.of("lateral-band-walk", "side-plank", "single-leg-squat");
    /** Exercises per session, each with two sets: the volume rows one event adds. */
    static final int EXERCISES = SLUGS.size();

    private SessionEvents() {
    }

    static String athlete(int number) {
        return "athlete-" + number;
    }

    static String coach(int athleteNumber, int roster) {
        return "coach-" + (athleteNumber / roster);
    }

    /** Publishes {@code count} completions spread over {@code athletes}; returns when the broker has them all. */
    static void publish(String bootstrap, int count, int athletes, int roster) {
        Random random = new Random(42);
        // live traffic: completions of the last six days, so athletes are active and flags reflect a normal week; the
        // latest an hour ago at most, as a completion dated ahead of its record is dead-lettered
        OffsetDateTime base = OffsetDateTime.now(ZoneOffset.UTC).minusDays(6).minusHours(1).withNano(0);
        try (CloudEventProducer producer = new CloudEventProducer(bootstrap)) {
            for (int i = 0; i < count; i++) {
                int athleteNumber = i % athletes;
                OffsetDateTime completed = base.plusMinutes((long) i * 6 * 24 * 60 / Math.max(1, count))
                        .plusSeconds(random.nextInt(3600));
                UUID session = new UUID(random.nextLong(), random.nextLong());
                int reps = 8 + random.nextInt(5);
                double rpe = 5 + random.nextInt(3);
                int pain = random.nextDouble() < 0.15 ? 1 + random.nextInt(2) : 0;
                SessionCompleted completion = completion(session, null, null, athlete(athleteNumber),
                        coach(athleteNumber, roster), completed.toLocalDate(), completed, rpe, new Pain(pain, "knee"), reps);
                send(producer, completion, new UUID(random.nextLong(), random.nextLong()));
            }
        }
    }

    /** A completion of {@link #EXERCISES} exercises, each done in two sets of {@code reps}, one a side. */
    static SessionCompleted completion(UUID session, UUID plan, UUID assignment, String athlete, String coach,
            LocalDate scheduled, OffsetDateTime completed, double rpe, Pain pain, int reps) {
        List<ExerciseDone> exercises = new ArrayList<>(EXERCISES);
        for (String slug : SLUGS) {
            List<PerformedSet> sets = List.of(new PerformedSet(reps, null, "left", null, null, 6.0, null),
                    new PerformedSet(reps, null, "right", null, null, 6.0, null));
            exercises.add(new ExerciseDone(slug, slug, slug.replace('-', ' '), "hip-abduction", List.of("gluteus-medius"),
                    null, sets, false, null));
        }
        return new SessionCompleted(session, plan, assignment, athlete, coach, null, scheduled, completed.minusMinutes(25),
                completed, 25, rpe, pain, null, exercises);
    }

    /** Sends a completion on routine.sessions, keyed by its athlete, at the time it was completed. */
    static void send(CloudEventProducer producer, SessionCompleted completion, UUID id) {
        producer.send(Topics.ROUTINE_SESSIONS, completion.athleteId(), EventTypes.SESSION_COMPLETED, id,
                completion.sessionId().toString(), completion.completedAt(), completion);
    }
}
