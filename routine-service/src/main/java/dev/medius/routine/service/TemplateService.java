package dev.medius.routine.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.medius.events.routine.PlanAssigned;
import dev.medius.events.routine.PlanCancelled;
import dev.medius.events.routine.PlanChanged;
import dev.medius.routine.domain.Assignment;
import dev.medius.routine.domain.Plan;
import dev.medius.routine.domain.PlanTemplate;
import dev.medius.routine.domain.ScheduledSession;
import dev.medius.routine.domain.SessionAdjustment;
import dev.medius.routine.events.RoutineEvents;
import dev.medius.routine.repository.AssignmentRepository;
import dev.medius.routine.repository.ScheduledSessionRepository;
import dev.medius.routine.repository.SessionAdjustmentRepository;
import dev.medius.routine.repository.TemplateRepository;
import dev.medius.runtime.problem.ProblemException;
import dev.medius.runtime.security.Caller;

/** Templates, their assignment to athletes, changes that reach future sessions, and cancellation. */
@ApplicationScoped
public class TemplateService {

    @Inject
    TemplateRepository templates;

    @Inject
    AssignmentRepository assignments;

    @Inject
    ScheduledSessionRepository sessions;

    @Inject
    PlanService plans;

    @Inject
    PlanDocuments documents;

    @Inject
    RoutineEvents events;

    @Inject
    AthleteAccess access;

    @Inject
    SessionAdjustmentRepository adjustments;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** A template with its plan. */
    public record TemplateView(PlanTemplate template, Plan plan) {
    }

    /** One athlete's assignment, the sessions it scheduled, and those a check-in adjusted, by session. */
    public record AssignmentView(Assignment assignment, List<ScheduledSession> sessions,
            Map<UUID, SessionAdjustment> adjustments) {

        public AssignmentView(Assignment assignment, List<ScheduledSession> sessions) {
            this(assignment, sessions, Map.of());
        }
    }

    @Transactional
    public TemplateView create(String title, Plan plan) {
        Plan completed = plans.complete(plan, "plan");
        PlanTemplate template = new PlanTemplate();
        template.id = UUID.randomUUID();
        template.tenantId = caller.tenant();
        template.coachId = caller.subject();
        template.title = title;
        template.plan = documents.write(completed);
        template.version = 1;
        template.createdAt = OffsetDateTime.now(clock);
        template.updatedAt = template.createdAt;
        templates.persist(template);
        return new TemplateView(template, completed);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TemplateView get(UUID id) {
        PlanTemplate template = templates.findInTenant(id, caller.tenant())
                .orElseThrow(() -> ProblemException.notFound("template " + id));
        return new TemplateView(template, documents.plan(template.plan));
    }

    /** The organisation's templates, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PlanTemplate> list() {
        return templates.list("tenantId = ?1 order by updatedAt desc, id", caller.tenant());
    }

    /** Removes a template no athlete follows any more; assignments keep their own sessions. */
    @Transactional
    public void delete(UUID id) {
        PlanTemplate template = templates.findInTenant(id, caller.tenant())
                .orElseThrow(() -> ProblemException.notFound("template " + id));
        if (!assignments.activeOfTemplate(template.id).isEmpty()) {
            throw new ProblemException(409, "Template in use", "cancel its active assignments before deleting it");
        }
        if (assignments.count("templateId", template.id) > 0) {
            throw new ProblemException(409, "Template in use", "assignments still refer to this template");
        }
        templates.delete(template);
    }

    /**
     * Replaces a template's plan. Each active assignment takes the change from today on: sessions still
     * to come and not yet recorded are rewritten, past and recorded ones stay as they were.
     */
    @Transactional
    public TemplateView update(UUID id, String title, Plan plan) {
        PlanTemplate template = templates.findInTenant(id, caller.tenant())
                .orElseThrow(() -> ProblemException.notFound("template " + id));
        Plan completed = plans.complete(plan, "plan");
        template.title = title;
        template.plan = documents.write(completed);
        template.version++;
        template.updatedAt = OffsetDateTime.now(clock);
        LocalDate today = LocalDate.now(clock);
        for (Assignment assignment : assignments.activeOfTemplate(template.id)) {
            reschedule(assignment, completed, today);
        }
        return new TemplateView(template, completed);
    }

    private void reschedule(Assignment assignment, Plan plan, LocalDate today) {
        List<ScheduledSession> existing = sessions.ofAssignment(assignment.id);
        List<Plan.Session> planned = ordered(plan);
        for (int ordinal = 0; ordinal < Math.max(existing.size(), planned.size()); ordinal++) {
            var current = ordinal < existing.size() ? existing.get(ordinal) : null;
            if (current != null && (current.isRecorded() || current.scheduledDate.isBefore(today)
                    || !ScheduledSession.SCHEDULED.equals(current.status))) {
                continue; // the past, and what was already done or cancelled, is history
            }
            if (ordinal >= planned.size()) {
                current.status = ScheduledSession.CANCELLED;
                continue;
            }
            Plan.Session next = planned.get(ordinal);
            LocalDate date = assignment.startDate.plusDays(next.dayOffset());
            if (date.isBefore(today)) {
                continue;
            }
            if (current == null) {
                current = newSession(assignment, ordinal);
                sessions.persist(current);
            }
            fill(current, next, date);
        }
        sessions.flush();
        List<dev.medius.events.routine.ScheduledSession> future = sessions.ofAssignment(assignment.id).stream()
                .filter(s -> ScheduledSession.SCHEDULED.equals(s.status))
                .filter(s -> !s.scheduledDate.isBefore(today))
                .map(TemplateService::inEvent)
                .toList();
        events.planChanged(assignment.tenantId, new PlanChanged(assignment.id, assignment.planId, assignment.athleteId,
                assignment.coachId, assignment.teamId, today, endDate(assignment), future));
    }

    /** Assigns a template to each athlete from a start date: one assignment and one plan.assigned.v1 per athlete. */
    @Transactional
    public List<AssignmentView> assign(UUID templateId, List<String> athleteIds, String teamId, LocalDate startDate) {
        PlanTemplate template = templates.findInTenant(templateId, caller.tenant())
                .orElseThrow(() -> ProblemException.notFound("template " + templateId));
        Plan plan = documents.plan(template.plan);
        List<Plan.Session> planned = ordered(plan);
        List<AssignmentView> result = new ArrayList<>();
        for (String athleteId : new LinkedHashSet<>(athleteIds)) {
            Assignment assignment = new Assignment();
            assignment.id = UUID.randomUUID();
            assignment.tenantId = caller.tenant();
            assignment.templateId = template.id;
            assignment.planId = UUID.randomUUID();
            assignment.athleteId = athleteId;
            assignment.coachId = caller.subject();
            assignment.teamId = teamId;
            assignment.title = template.title;
            assignment.startDate = startDate;
            assignment.status = Assignment.ACTIVE;
            assignment.createdAt = OffsetDateTime.now(clock);
            assignments.persist(assignment);
            List<ScheduledSession> scheduled = new ArrayList<>();
            for (int ordinal = 0; ordinal < planned.size(); ordinal++) {
                Plan.Session session = planned.get(ordinal);
                var row = newSession(assignment, ordinal);
                fill(row, session, startDate.plusDays(session.dayOffset()));
                sessions.persist(row);
                scheduled.add(row);
            }
            List<dev.medius.events.routine.ScheduledSession> dates = scheduled.stream()
                    .map(TemplateService::inEvent).toList();
            events.planAssigned(assignment.tenantId, new PlanAssigned(assignment.id, assignment.planId, template.id,
                    athleteId, assignment.coachId, teamId, template.title, startDate,
                    dates.isEmpty() ? startDate : dates.get(dates.size() - 1).scheduledDate(), dates));
            result.add(new AssignmentView(assignment, scheduled));
        }
        return result;
    }

    /** Stops an assignment from today: sessions still to come are dropped, recorded ones stay. */
    @Transactional
    public AssignmentView cancel(UUID assignmentId, String reason) {
        Assignment assignment = assignments.findInTenant(assignmentId, caller.tenant())
                .orElseThrow(() -> ProblemException.notFound("assignment " + assignmentId));
        if (Assignment.CANCELLED.equals(assignment.status)) {
            throw new ProblemException(409, "Already cancelled", "assignment " + assignmentId + " was cancelled on "
                    + assignment.cancelledFrom);
        }
        LocalDate from = LocalDate.now(clock);
        assignment.status = Assignment.CANCELLED;
        assignment.cancelledFrom = from;
        List<ScheduledSession> all = sessions.ofAssignment(assignment.id);
        all.stream().filter(s -> ScheduledSession.SCHEDULED.equals(s.status))
                .filter(s -> !s.scheduledDate.isBefore(from))
                .forEach(s -> s.status = ScheduledSession.CANCELLED);
        events.planCancelled(assignment.tenantId, new PlanCancelled(assignment.id, assignment.planId,
                assignment.athleteId, assignment.coachId, assignment.teamId, from, reason));
        return new AssignmentView(assignment, all);
    }

    /** An athlete's assignments with their sessions, for whom {@link AthleteAccess} lets act for the athlete. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AssignmentView> planOf(String athleteId) {
        // refused as an athlete without a plan is, so that a stranger learns nothing of the athlete
        List<Assignment> found = access.mayActFor(athleteId) ? assignments.ofAthlete(caller.tenant(), athleteId)
                : List.of();
        if (found.isEmpty()) {
            throw ProblemException.notFound("plan of athlete " + athleteId);
        }
        Map<UUID, SessionAdjustment> adjusted = adjustments.ofAthlete(caller.tenant(), athleteId).stream()
                .collect(Collectors.toMap(a -> a.sessionId, a -> a));
        return found.stream().map(a -> new AssignmentView(a, sessions.ofAssignment(a.id), adjusted)).toList();
    }

    private LocalDate endDate(Assignment assignment) {
        return sessions.ofAssignment(assignment.id).stream()
                .filter(s -> !ScheduledSession.CANCELLED.equals(s.status))
                .map(s -> s.scheduledDate).max(Comparator.naturalOrder()).orElse(assignment.startDate);
    }

    private static List<Plan.Session> ordered(Plan plan) {
        return plan.sessions().sorted(Comparator.comparingInt(Plan.Session::dayOffset)).toList();
    }

    private static ScheduledSession newSession(Assignment assignment, int ordinal) {
        var row = new ScheduledSession();
        row.id = UUID.randomUUID();
        row.assignmentId = assignment.id;
        row.tenantId = assignment.tenantId;
        row.athleteId = assignment.athleteId;
        row.ordinal = ordinal;
        row.status = ScheduledSession.SCHEDULED;
        return row;
    }

    private void fill(ScheduledSession row, Plan.Session session, LocalDate date) {
        row.scheduledDate = date;
        row.title = session.title();
        row.content = documents.write(session.withDate(date));
    }

    /** A scheduled session as the plan events carry it. */
    private static dev.medius.events.routine.ScheduledSession inEvent(ScheduledSession session) {
        return new dev.medius.events.routine.ScheduledSession(session.id, session.scheduledDate, session.title);
    }
}
