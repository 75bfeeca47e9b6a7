package dev.medius.routine.service;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.medius.events.routine.SessionCompleted;
import dev.medius.events.routine.SessionSkipped;
import dev.medius.routine.domain.Assignment;
import dev.medius.routine.domain.Plan;
import dev.medius.routine.domain.ScheduledSession;
import dev.medius.routine.domain.SessionRecord;
import dev.medius.routine.domain.Terms;
import dev.medius.routine.events.RoutineEvents;
import dev.medius.routine.repository.AssignmentRepository;
import dev.medius.routine.repository.ScheduledSessionRepository;
import dev.medius.routine.repository.SessionRecordRepository;
import dev.medius.runtime.problem.ProblemException;
import dev.medius.runtime.security.Caller;

/**
 * Records completed and skipped sessions, publishes them through the outbox, and adapts the sessions
 * that follow. An Idempotency-Key makes a retried request record once and get the first answer again.
 */
@ApplicationScoped
public class SessionRecordService {

    @Inject
    ScheduledSessionRepository sessions;

    @Inject
    AssignmentRepository assignments;

    @Inject
    SessionRecordRepository records;

    @Inject
    PlanDocuments documents;

    @Inject
    RoutineEvents events;

    @Inject
    SessionAdaptation adaptations;

    @Inject
    AthleteAccess access;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** The answer to a session report, stored so that a retry gets it unchanged. */
    public record RecordResult(UUID recordId, UUID sessionId, String athleteId, String kind, OffsetDateTime recordedAt,
            UUID eventId, List<Change> adaptations) {
    }

    /** How one exercise's upcoming dose changed after this session, and why. */
    public record Change(String exerciseId, String slug, String decision, String reason, String nextExercise,
            int sessionsChanged, boolean aboveTarget) {
    }

    /** The stored answer and whether this request repeated an earlier one. */
    public record Outcome(RecordResult result, boolean replayed) {
    }

    @Transactional
    public Outcome complete(String athleteId, UUID sessionId, SessionReports.CompletionRequest report,
            String idempotencyKey) {
        return record(athleteId, sessionId, ScheduledSession.COMPLETED, idempotencyKey,
                (session, assignment, now) -> completion(session, assignment, report, now));
    }

    @Transactional
    public Outcome skip(String athleteId, UUID sessionId, String reason, String idempotencyKey) {
        return record(athleteId, sessionId, ScheduledSession.SKIPPED, idempotencyKey, (session, assignment, now) -> {
            SessionSkipped data = new SessionSkipped(session.id, assignment.planId, assignment.id, session.athleteId,
                    assignment.coachId, assignment.teamId, session.scheduledDate, reason, now);
            return new Recorded(data, events.sessionSkipped(session.tenantId, data), List.of());
        });
    }

    /** What recording a session produced: the event's data, its id in the outbox, and the adaptations. */
    private record Recorded(Object data, UUID eventId, List<Change> changes) {
    }

    private interface Recording {
        Recorded record(ScheduledSession session, Assignment assignment, OffsetDateTime now);
    }

    /** Records a session once: a retry with the same Idempotency-Key answers what the first request got. */
    private Outcome record(String athleteId, UUID sessionId, String kind, String idempotencyKey, Recording recording) {
        if (!access.mayActFor(athleteId)) {
            // refused as an unknown session is, so that a stranger learns nothing of the athlete
            throw sessionNotFound(athleteId, sessionId);
        }
        ScheduledSession session = lockSession(athleteId, sessionId);
        Optional<Outcome> replay = replay(athleteId, sessionId, kind, idempotencyKey);
        if (replay.isPresent()) {
            return replay.get();
        }
        requireOpen(session);
        Assignment assignment = assignments.findById(session.assignmentId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Recorded recorded = recording.record(session, assignment, now);
        session.status = kind;
        session.recordedAt = now;
        return new Outcome(store(session, kind, idempotencyKey, recorded, now), false);
    }

    private Recorded completion(ScheduledSession session, Assignment assignment,
            SessionReports.CompletionRequest report, OffsetDateTime now) {
        Plan.Session planned = documents.session(session.content);
        List<Plan.Item> items = planned.items().toList();
        Set<String> reported = new HashSet<>();
        for (int i = 0; i < report.exercises().size(); i++) {
            SessionReports.ExerciseReport exercise = report.exercises().get(i);
            if (find(items, exercise.exerciseId()).isEmpty()) {
                throw ProblemException.invalidField("exercises[" + i + "].exerciseId",
                        "'" + exercise.exerciseId() + "' is not part of this session");
            }
            if (!reported.add(find(items, exercise.exerciseId()).get().exerciseId())) {
                throw ProblemException.invalidField("exercises[" + i + "].exerciseId", "reported twice");
            }
        }
        OffsetDateTime completedAt = report.completedAt() != null ? report.completedAt() : now;
        Integer duration = report.durationMinutes() != null ? report.durationMinutes()
                : report.startedAt() != null && !completedAt.isBefore(report.startedAt())
                        ? (int) Math.min(600, Duration.between(report.startedAt(), completedAt).toMinutes()) : null;
        int pain = report.pain().score();
        String painArea = painArea(report.pain().area());

        List<SessionCompleted.ExerciseDone> done = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        SessionAdaptation.Course adaptation = adaptations.after(session, assignment, planned.week());
        for (Plan.Item item : items) {
            Optional<SessionReports.ExerciseReport> logged = report.exercises().stream()
                    .filter(e -> matches(item, e.exerciseId())).findFirst();
            if (logged.isEmpty()) {
                done.add(new SessionCompleted.ExerciseDone(item.exerciseId(), item.slug(), item.name(), item.pattern(),
                        item.muscles(), item.prescription(), List.of(), true, "not logged"));
                continue;
            }
            SessionReports.ExerciseReport exercise = logged.get();
            List<SessionCompleted.PerformedSet> sets = exercise.sets() == null ? List.of()
                    : exercise.sets().stream().map(SessionRecordService::performed).toList();
            done.add(new SessionCompleted.ExerciseDone(item.exerciseId(), item.slug(), item.name(), item.pattern(),
                    item.muscles(), item.prescription(), sets, exercise.skipped(), exercise.skipReason()));
            if (!exercise.skipped()) {
                changes.add(adaptation.decide(item, sets, report.sessionRpe(), pain, painArea));
            }
        }
        SessionCompleted data = new SessionCompleted(session.id, assignment.planId, assignment.id, session.athleteId,
                assignment.coachId, assignment.teamId, session.scheduledDate, report.startedAt(), completedAt, duration,
                report.sessionRpe(), new SessionCompleted.Pain(pain, painArea), report.notes(), done);
        return new Recorded(data, events.sessionCompleted(session.tenantId, data), changes);
    }

    private ScheduledSession lockSession(String athleteId, UUID sessionId) {
        // another organisation's athlete, or a session of someone else, is simply not found
        return sessions.lockOfAthlete(sessionId, caller.tenant(), athleteId)
                .orElseThrow(() -> sessionNotFound(athleteId, sessionId));
    }

    private static ProblemException sessionNotFound(String athleteId, UUID sessionId) {
        return ProblemException.notFound("session " + sessionId + " of athlete " + athleteId);
    }

    private Optional<Outcome> replay(String athleteId, UUID sessionId, String kind, String idempotencyKey) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return records.byIdempotencyKey(caller.tenant(), athleteId, idempotencyKey).map(previous -> {
            if (!previous.sessionId.equals(sessionId) || !previous.kind.equals(kind)) {
                throw new ProblemException(422, "Idempotency-Key reused",
                        "this Idempotency-Key was already used for another request");
            }
            return new Outcome(documents.read(previous.response, RecordResult.class), true);
        });
    }

    private static void requireOpen(ScheduledSession session) {
        if (session.isRecorded()) {
            throw new ProblemException(409, "Already recorded", "session " + session.id + " was already recorded as "
                    + session.status);
        }
        if (ScheduledSession.CANCELLED.equals(session.status)) {
            throw new ProblemException(409, "Session cancelled", "session " + session.id + " is no longer scheduled");
        }
    }

    private RecordResult store(ScheduledSession session, String kind, String idempotencyKey, Recorded recorded,
            OffsetDateTime now) {
        SessionRecord record = new SessionRecord();
        record.id = UUID.randomUUID();
        record.tenantId = session.tenantId;
        record.athleteId = session.athleteId;
        record.sessionId = session.id;
        record.kind = kind;
        record.idempotencyKey = idempotencyKey;
        record.recordedBy = caller.subject();
        record.recordedAt = now;
        record.report = documents.write(recorded.data());
        RecordResult result = new RecordResult(record.id, session.id, session.athleteId, kind, now, recorded.eventId(),
                recorded.changes());
        record.response = documents.write(result);
        records.persist(record);
        return result;
    }

    /** A reported pain area in its canonical word; a word outside the vocabulary is refused. */
    private static String painArea(String word) {
        if (word == null || word.isBlank()) {
            return null;
        }
        List<String> area = Terms.canonical(Terms.Kind.PAIN_AREA, word);
        if (area.isEmpty()) {
            throw ProblemException.invalidField("pain.area", "'" + word + "' is not a known pain area; accepted: "
                    + String.join(", ", Terms.values(Terms.Kind.PAIN_AREA)));
        }
        return area.get(0);
    }

    private static Optional<Plan.Item> find(List<Plan.Item> items, String reference) {
        return items.stream().filter(item -> matches(item, reference)).findFirst();
    }

    private static boolean matches(Plan.Item item, String reference) {
        return reference.equals(item.exerciseId()) || reference.equals(item.slug());
    }

    private static SessionCompleted.PerformedSet performed(SessionReports.SetReport set) {
        return new SessionCompleted.PerformedSet(set.reps(), set.holdSeconds(), set.side(), set.loadKg(), set.band(),
                set.rpe(), set.repsInReserve());
    }
}
