package dev.medius.routine.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.medius.coaching.Readiness;
import dev.medius.events.routine.WellnessCheckedIn;
import dev.medius.routine.domain.Assignment;
import dev.medius.routine.domain.AutoRegulation;
import dev.medius.routine.domain.CheckIn;
import dev.medius.routine.domain.CheckInRecord;
import dev.medius.routine.domain.Plan;
import dev.medius.routine.domain.ScheduledSession;
import dev.medius.routine.domain.SessionAdjustment;
import dev.medius.routine.events.RoutineEvents;
import dev.medius.routine.repository.AssignmentRepository;
import dev.medius.routine.repository.CheckInRepository;
import dev.medius.routine.repository.ScheduledSessionRepository;
import dev.medius.routine.repository.SessionAdjustmentRepository;
import dev.medius.routine.repository.TemplateRepository;
import dev.medius.runtime.problem.ProblemException;
import dev.medius.runtime.security.Caller;

/**
 * Records an athlete's morning check-in and adjusts the sessions due that day from it (docs/coaching.md, "Readiness
 * and auto-regulation"). A later check-in of the same day decides again from the plan; a coach's override stands.
 */
@ApplicationScoped
public class ReadinessService {

    /** How far a check-in's date may be from the server's date: the athlete's morning is in their own time zone. */
    static final int DATE_SLACK_DAYS = 1;

    @Inject
    CheckInRepository checkIns;

    @Inject
    SessionAdjustmentRepository adjustments;

    @Inject
    ScheduledSessionRepository sessions;

    @Inject
    AssignmentRepository assignments;

    @Inject
    TemplateRepository templates;

    @Inject
    CatalogReadModel catalog;

    @Inject
    PlanDocuments documents;

    @Inject
    RoutineEvents events;

    @Inject
    AthleteAccess access;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** The answer to a check-in, stored so that a retry gets it unchanged. */
    public record CheckInResult(UUID checkInId, String athleteId, LocalDate date, OffsetDateTime recordedAt,
            UUID eventId, List<SessionChange> sessions) {
    }

    /** How one session due that day was left, and why. */
    public record SessionChange(UUID sessionId, String title, String kind, String reason, List<String> signals) {
    }

    /** The stored answer and whether this request repeated an earlier one. */
    public record Outcome(CheckInResult result, boolean replayed) {
    }

    @Transactional
    public Outcome checkIn(String athleteId, CheckIn answers, String idempotencyKey) {
        // an athlete the organisation has neither registered nor planned for is unknown to it
        if (!access.mayActForKnown(athleteId)) {
            throw ProblemException.notFound("athlete " + athleteId);
        }
        if (idempotencyKey != null) {
            Optional<CheckInRecord> previous = checkIns.byIdempotencyKey(caller.tenant(), athleteId, idempotencyKey);
            if (previous.isPresent()) {
                return new Outcome(documents.read(previous.get().response, CheckInResult.class), true);
            }
        }
        LocalDate today = LocalDate.now(clock);
        CheckIn checkIn = answers.date() != null ? answers : withDate(answers, today);
        if (Math.abs(checkIn.date().toEpochDay() - today.toEpochDay()) > DATE_SLACK_DAYS) {
            throw ProblemException.invalidField("date", "a check-in is for today (" + today + "), give or take a day");
        }
        List<CheckIn> earlier = checkIns.between(caller.tenant(), athleteId,
                checkIn.date().minusDays(Readiness.BASELINE_DAYS), checkIn.date()).stream()
                .map(r -> documents.read(r.answers, CheckIn.class)).toList();
        CheckInRecord record = new CheckInRecord();
        record.id = UUID.randomUUID();
        record.tenantId = caller.tenant();
        record.athleteId = athleteId;
        record.date = checkIn.date();
        record.answers = documents.write(checkIn);
        record.idempotencyKey = idempotencyKey;
        record.recordedBy = caller.subject();
        record.recordedAt = OffsetDateTime.now(clock);
        List<SessionChange> changes = new ArrayList<>();
        for (ScheduledSession session : sessions.lockDueOn(caller.tenant(), athleteId, checkIn.date())) {
            adjust(session, checkIn, earlier, record).ifPresent(changes::add);
        }
        UUID eventId = events.wellnessCheckedIn(record.tenantId, new WellnessCheckedIn(record.id, athleteId,
                record.date, record.recordedAt, checkIn.sleepQuality(), checkIn.energy(), checkIn.soreness(),
                checkIn.stress(), checkIn.mood(), checkIn.sleepHours(),
                checkIn.pain().stream().map(p -> new WellnessCheckedIn.Pain(p.area(), p.score())).toList(),
                checkIn.redFlags().stream().sorted().toList(),
                changes.stream().map(c -> new WellnessCheckedIn.Adjustment(c.sessionId(), c.kind(), c.reason()))
                        .toList()));
        CheckInResult result = new CheckInResult(record.id, athleteId, record.date, record.recordedAt, eventId,
                changes);
        record.response = documents.write(result);
        checkIns.persist(record);
        return new Outcome(result, false);
    }

    /** A coach puts the planned session back in place of the check-in's adjustment, with a note why. */
    @Transactional
    public SessionAdjustment override(String athleteId, UUID sessionId, String note) {
        if (!access.mayCoach(athleteId)) {
            throw ProblemException.notFound("adjustment of session " + sessionId + " of athlete " + athleteId);
        }
        ScheduledSession session = sessions.lockOfAthlete(sessionId, caller.tenant(), athleteId)
                .orElseThrow(() -> ProblemException.notFound("session " + sessionId + " of athlete " + athleteId));
        SessionAdjustment adjustment = adjustments.findByIdOptional(sessionId)
                .orElseThrow(() -> ProblemException.notFound("adjustment of session " + sessionId));
        if (!ScheduledSession.SCHEDULED.equals(session.status)) {
            throw new ProblemException(409, "Session already " + session.status,
                    "session " + sessionId + " is " + session.status + "; its adjustment can no longer be overridden");
        }
        if (!adjustment.overridden()) {
            session.content = adjustment.planned;
            adjustment.overriddenBy = caller.subject();
            adjustment.overriddenAt = OffsetDateTime.now(clock);
            adjustment.overrideNote = note;
        }
        return adjustment;
    }

    private Optional<SessionChange> adjust(ScheduledSession session, CheckIn checkIn, List<CheckIn> earlier,
            CheckInRecord record) {
        Optional<SessionAdjustment> existing = adjustments.findByIdOptional(session.id);
        if (existing.isPresent() && existing.get().overridden()) {
            return Optional.of(new SessionChange(session.id, session.title, AutoRegulation.Kind.AS_PLANNED.value(),
                    "as planned: a coach kept the plan for this session (" + existing.get().overrideNote + ")",
                    List.of()));
        }
        String plannedContent = existing.map(a -> a.planned).orElse(session.content);
        Plan.Session planned = documents.session(plannedContent);
        AutoRegulation.Adjustment decision = AutoRegulation.adjust(planned, checkIn, earlier,
                once(() -> limits(session)), reference -> catalog.find(session.tenantId, reference));
        if (decision.kind() == AutoRegulation.Kind.AS_PLANNED) {
            existing.ifPresent(previous -> {
                session.content = previous.planned;
                adjustments.delete(previous);
            });
        } else {
            SessionAdjustment adjustment = existing.orElseGet(() -> {
                SessionAdjustment created = new SessionAdjustment();
                created.sessionId = session.id;
                created.tenantId = session.tenantId;
                created.athleteId = session.athleteId;
                created.planned = plannedContent;
                return created;
            });
            adjustment.checkInId = record.id;
            adjustment.kind = decision.kind().value();
            adjustment.reason = decision.reason();
            adjustment.adjustedAt = record.recordedAt;
            session.content = documents.write(decision.session());
            if (existing.isEmpty()) {
                adjustments.persist(adjustment);
            }
        }
        return Optional.of(new SessionChange(session.id, session.title, decision.kind().value(), decision.reason(),
                decision.signals()));
    }

    /** What the assigned plan was generated for, or null for a hand-made plan or a deleted template. */
    private Plan.Limits limits(ScheduledSession session) {
        Assignment assignment = assignments.findById(session.assignmentId);
        return assignment == null || assignment.templateId == null ? null
                : templates.findByIdOptional(assignment.templateId).map(t -> documents.plan(t.plan).limits())
                        .orElse(null);
    }

    /** A value read on first use only: most check-ins never need the plan's limits. */
    private static <T> Supplier<T> once(Supplier<T> read) {
        List<T> kept = new ArrayList<>(1);
        return () -> {
            if (kept.isEmpty()) {
                kept.add(read.get());
            }
            return kept.get(0);
        };
    }

    private static CheckIn withDate(CheckIn answers, LocalDate date) {
        return new CheckIn(date, answers.sleepQuality(), answers.energy(), answers.soreness(), answers.stress(),
                answers.mood(), answers.sleepHours(), answers.pain(), answers.redFlags());
    }
}
