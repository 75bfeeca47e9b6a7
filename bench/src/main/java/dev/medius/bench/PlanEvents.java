package dev.medius.bench;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import dev.medius.events.routine.PlanAssigned;
import dev.medius.events.routine.ScheduledSession;
import dev.medius.events.routine.SessionCompleted.Pain;
import dev.medius.events.routine.SessionCompleted;

/**
 * A history of planned and completed sessions as routine-service publishes it: per athlete a
 * {@code plan.assigned.v1} naming every scheduled session, then a {@code session.completed.v1} for each,
 * two or three a week going back from today. Session {@code g} is the {@code g / athletes}-th latest of
 * athlete {@code g % athletes}.
 */
final class PlanEvents {

    /** The schema's limit on a plan's sessions: an athlete with more gets several assignments. */
    static final int SESSIONS_PER_PLAN = 2000;
    private static final int REPS = 10;

    /** What was published. */
    record Published(long plans, long completions) {

        long events() {
            return plans + completions;
        }
    }

    private final int athletes;
    private final int roster;
    private final int perAthlete;
    private final LocalDate today;
    /** How far every completion moves back so that today's land an hour before now at the latest. */
    private final Duration shift;

    PlanEvents(int athletes, int roster, int perAthlete, Clock clock) {
        this.athletes = athletes;
        this.roster = roster;
        this.perAthlete = perAthlete;
        OffsetDateTime limit = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).withNano(0).minusHours(1);
        // a completion dated after its record is dead-lettered (future-time); early in the UTC day, today's would
        // have to move into yesterday, so the history ends yesterday instead
        LocalDate day = limit.toLocalDate();
        if (Duration.between(limit, latest(day)).compareTo(Duration.ofHours(18)) > 0) {
            day = day.minusDays(1);
        }
        this.today = day;
        this.shift = latest(day).isAfter(limit) ? Duration.between(limit, latest(day)) : Duration.ZERO;
    }

    /** Publishes every athlete's plans, waits for the broker, then every completion, the oldest first. */
    Published publish(String bootstrapServers) {
        long plans = 0;
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            int parts = (perAthlete + SESSIONS_PER_PLAN - 1) / SESSIONS_PER_PLAN;
            for (int athlete = 0; athlete < athletes; athlete++) {
                // the oldest part first, so that an athlete's event times only grow
                for (int part = parts - 1; part >= 0; part--) {
                    PlanAssigned plan = plan(athlete, part);
                    producer.send(Topics.ROUTINE_PLANS, plan.athleteId(), EventTypes.PLAN_ASSIGNED,
                            id("plan-event-" + athlete + "-" + part), plan.assignmentId().toString(),
                            at(plan.startDate().minusDays(1), 0), plan);
                }
            }
            producer.flush();
            plans = producer.sent();
            for (int k = perAthlete - 1; k >= 0; k--) {
                for (int athlete = 0; athlete < athletes; athlete++) {
                    long g = (long) k * athletes + athlete;
                    SessionEvents.send(producer, completion(athlete, k, g), id("session-event-" + g));
                }
            }
            return new Published(plans, producer.sent() - plans);
        }
    }

    /** Part {@code part} of an athlete's schedule: sessions {@code k} of [part * limit, (part + 1) * limit), oldest first. */
    private PlanAssigned plan(int athlete, int part) {
        int newest = part * SESSIONS_PER_PLAN;
        int oldest = Math.min(perAthlete, newest + SESSIONS_PER_PLAN) - 1;
        List<ScheduledSession> sessions = new ArrayList<>(oldest - newest + 1);
        for (int k = oldest; k >= newest; k--) {
            sessions.add(new ScheduledSession(session((long) k * athletes + athlete), day(k), "Session " + (perAthlete - k)));
        }
        return new PlanAssigned(assignment(athlete, part), planId(athlete, part), null,
                SessionEvents.athlete(athlete), SessionEvents.coach(athlete, roster), null, "Hip stability",
                day(oldest), day(newest), sessions);
    }

    /** The completion of session g: that day at 18:00 plus g % 60 minutes, effort 5 to 8, knee pain 0 to 2. */
    private SessionCompleted completion(int athlete, int k, long g) {
        int pain = (int) (g % 3);
        int part = k / SESSIONS_PER_PLAN;
        return SessionEvents.completion(session(g), planId(athlete, part),
                assignment(athlete, part), SessionEvents.athlete(athlete), SessionEvents.coach(athlete, roster), day(k),
                at(day(k), (int) (g % 60)), 5 + g % 4, new Pain(pain, pain > 0 ? "knee" : null), REPS);
    }

    private LocalDate day(int k) {
        return today.minusDays((long) k * 7 / 3);
    }

    private OffsetDateTime at(LocalDate day, int minute) {
        return day.atTime(18, minute).atOffset(ZoneOffset.UTC).minus(shift);
    }

    private static OffsetDateTime latest(LocalDate day) {
        return day.atTime(18, 59).atOffset(ZoneOffset.UTC);
    }

    private static UUID assignment(int athlete, int part) {
        return id("assignment-" + athlete + "-" + part);
    }

    private static UUID planId(int athlete, int part) {
        return id("plan-" + athlete + "-" + part);
    }

    private static UUID session(long g) {
        return id("session-" + g);
    }

    /** The same id for the same thing in every run. */
    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
