package dev.medius.routine.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import dev.medius.events.routine.PlanAssigned;
import dev.medius.events.routine.PlanCancelled;
import dev.medius.events.routine.PlanChanged;
import dev.medius.events.routine.SessionCompleted;
import dev.medius.events.routine.SessionSkipped;
import dev.medius.runtime.outbox.Outbox;

/**
 * The events this service publishes, written to the outbox in the caller's transaction and keyed by
 * athlete so each athlete's plan and session events stay in order.
 */
@ApplicationScoped
public class RoutineEvents {

    public static final String SOURCE = "/medius/routine-service";

    @Inject
    Outbox outbox;

    @Transactional(TxType.MANDATORY)
    public UUID planAssigned(String tenant, PlanAssigned data) {
        return outbox.record(Outbox.Envelope.of(tenant, Topics.ROUTINE_PLANS, data.athleteId(),
                EventTypes.PLAN_ASSIGNED, SOURCE, data.assignmentId().toString(), data));
    }

    @Transactional(TxType.MANDATORY)
    public UUID planChanged(String tenant, PlanChanged data) {
        return outbox.record(Outbox.Envelope.of(tenant, Topics.ROUTINE_PLANS, data.athleteId(),
                EventTypes.PLAN_CHANGED, SOURCE, data.assignmentId().toString(), data));
    }

    @Transactional(TxType.MANDATORY)
    public UUID planCancelled(String tenant, PlanCancelled data) {
        return outbox.record(Outbox.Envelope.of(tenant, Topics.ROUTINE_PLANS, data.athleteId(),
                EventTypes.PLAN_CANCELLED, SOURCE, data.assignmentId().toString(), data));
    }

    @Transactional(TxType.MANDATORY)
    public UUID sessionCompleted(String tenant, SessionCompleted data) {
        return outbox.record(Outbox.Envelope.of(tenant, Topics.ROUTINE_SESSIONS, data.athleteId(),
                EventTypes.SESSION_COMPLETED, SOURCE, data.sessionId().toString(), data));
    }

    @Transactional(TxType.MANDATORY)
    public UUID sessionSkipped(String tenant, SessionSkipped data) {
        return outbox.record(Outbox.Envelope.of(tenant, Topics.ROUTINE_SESSIONS, data.athleteId(),
                EventTypes.SESSION_SKIPPED, SOURCE, data.sessionId().toString(), data));
    }
}
