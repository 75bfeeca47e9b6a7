package dev.medius.routine.service;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.medius.events.routine.SessionCompleted;
import dev.medius.routine.domain.Adaptation;
import dev.medius.routine.domain.Assignment;
import dev.medius.routine.domain.Plan;
import dev.medius.routine.domain.PlanAdapter;
import dev.medius.routine.domain.ScheduledSession;
import dev.medius.routine.domain.SessionRecord;
import dev.medius.routine.repository.ScheduledSessionRepository;
import dev.medius.routine.repository.SessionRecordRepository;
import dev.medius.routine.repository.TemplateRepository;
import dev.medius.runtime.security.Caller;

/** Carries what a completed session showed into the assignment's sessions still to come (docs/coaching.md). */
@ApplicationScoped
class SessionAdaptation {

    @Inject
    ScheduledSessionRepository sessions;

    @Inject
    SessionRecordRepository records;

    @Inject
    TemplateRepository templates;

    @Inject
    CatalogReadModel catalog;

    @Inject
    PlanDocuments documents;

    @Inject
    Caller caller;

    /** The adaptation after one completed session of an assignment, planned in {@code week}. */
    Course after(ScheduledSession session, Assignment assignment, int week) {
        return new Course(session, assignment, week);
    }

    /**
     * One completion's decisions. What they need is read once and only when needed: most completions hold every
     * exercise and never read the rest of the plan.
     */
    final class Course {

        private final ScheduledSession session;
        private final Assignment assignment;
        private final int week;
        private Map<String, Boolean> aboveTarget;
        private List<ScheduledSession> upcoming;
        private Plan.Limits limits;
        private boolean limitsRead;

        private Course(ScheduledSession session, Assignment assignment, int week) {
            this.session = session;
            this.assignment = assignment;
            this.week = week;
        }

        /** Decides on one logged exercise and applies the decision to the sessions that prescribe it. */
        SessionRecordService.Change decide(Plan.Item item, List<SessionCompleted.PerformedSet> sets, Double sessionRpe,
                int pain, String painArea) {
            Adaptation.Decision decision = Adaptation.decide(item, sets, sessionRpe, pain, painArea,
                    aboveTarget().getOrDefault(item.exerciseId(), false));
            String kind = decision.kind().name().toLowerCase(Locale.ROOT);
            if (decision.kind() == Adaptation.Kind.HOLD) {
                return new SessionRecordService.Change(item.exerciseId(), item.slug(), kind, decision.reason(),
                        item.slug(), 0, decision.aboveTarget());
            }
            List<ScheduledSession> later = upcoming();
            List<Plan.Session> contents = later.stream().map(s -> documents.session(s.content)).toList();
            PlanAdapter.Outcome outcome = PlanAdapter.apply(item, week, decision, contents, limits(), pain, painArea,
                    reference -> catalog.find(caller.tenant(), reference));
            for (int i = 0; i < later.size(); i++) {
                if (outcome.sessions().get(i) != contents.get(i)) {
                    later.get(i).content = documents.write(outcome.sessions().get(i));
                }
            }
            return new SessionRecordService.Change(item.exerciseId(), item.slug(), kind, decision.reason(),
                    outcome.nextSlug(), outcome.changed(), decision.aboveTarget());
        }

        /** Per exercise, whether the last completed session that logged it was above target: the first of two-for-two. */
        private Map<String, Boolean> aboveTarget() {
            if (aboveTarget == null) {
                aboveTarget = new HashMap<>();
                for (SessionRecord previous : records.completedBefore(session.assignmentId, session.ordinal)) {
                    var result = documents.read(previous.response, SessionRecordService.RecordResult.class);
                    if (result.adaptations() != null) {
                        result.adaptations().forEach(change -> aboveTarget.putIfAbsent(change.exerciseId(),
                                change.aboveTarget()));
                    }
                }
            }
            return aboveTarget;
        }

        private List<ScheduledSession> upcoming() {
            if (upcoming == null) {
                upcoming = sessions.upcoming(session.assignmentId, session.ordinal, session.scheduledDate);
            }
            return upcoming;
        }

        /** What the assigned plan was generated for, or null for a hand-made plan or a deleted template. */
        private Plan.Limits limits() {
            if (!limitsRead) {
                limitsRead = true;
                limits = assignment.templateId == null ? null : templates.findByIdOptional(assignment.templateId)
                        .map(template -> documents.plan(template.plan).limits()).orElse(null);
            }
            return limits;
        }
    }
}
