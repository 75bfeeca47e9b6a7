package dev.medius.routine.events;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import dev.medius.events.routine.AthleteErased;
import dev.medius.events.routine.AthleteUpdated;
import dev.medius.events.routine.PlanAssigned;
import dev.medius.events.routine.PlanCancelled;
import dev.medius.events.routine.PlanChanged;
import dev.medius.events.routine.SessionCompleted;
import dev.medius.events.routine.SessionSkipped;
import dev.medius.events.routine.StrengthTestRecorded;
import dev.medius.events.routine.WellnessCheckedIn;
import dev.medius.routine.repository.AthleteKeyRepository;
import dev.medius.routine.repository.AthleteKeyRepository.AthleteKey;
import dev.medius.runtime.outbox.Outbox;
import dev.medius.runtime.seal.SealedData;

/**
 * The events this service publishes, written to the outbox in the caller's transaction and keyed by
 * athlete so each athlete's profile, plan and session events stay in order. The data of every event about an athlete
 * is sealed with the athlete's own key, which their erasure destroys; only the erasure itself goes out in clear.
 */
@ApplicationScoped
public class RoutineEvents {

    public static final String SOURCE = "/medius/routine-service";

    @Inject
    Outbox outbox;

    @Inject
    AthleteKeyRepository keys;

    @Inject
    ObjectMapper json;

    @Transactional(TxType.MANDATORY)
    public UUID planAssigned(String tenant, PlanAssigned data) {
        return write(tenant, Topics.ROUTINE_PLANS, EventTypes.PLAN_ASSIGNED, data.athleteId(), data.assignmentId(), data);
    }

    @Transactional(TxType.MANDATORY)
    public UUID planChanged(String tenant, PlanChanged data) {
        return write(tenant, Topics.ROUTINE_PLANS, EventTypes.PLAN_CHANGED, data.athleteId(), data.assignmentId(), data);
    }

    @Transactional(TxType.MANDATORY)
    public UUID planCancelled(String tenant, PlanCancelled data) {
        return write(tenant, Topics.ROUTINE_PLANS, EventTypes.PLAN_CANCELLED, data.athleteId(), data.assignmentId(), data);
    }

    @Transactional(TxType.MANDATORY)
    public UUID sessionCompleted(String tenant, SessionCompleted data) {
        return write(tenant, Topics.ROUTINE_SESSIONS, EventTypes.SESSION_COMPLETED, data.athleteId(), data.sessionId(), data);
    }

    @Transactional(TxType.MANDATORY)
    public UUID sessionSkipped(String tenant, SessionSkipped data) {
        return write(tenant, Topics.ROUTINE_SESSIONS, EventTypes.SESSION_SKIPPED, data.athleteId(), data.sessionId(), data);
    }

    /** On the sessions' topic, where outside platforms publish check-ins too; the subject is the check-in. */
    @Transactional(TxType.MANDATORY)
    public UUID wellnessCheckedIn(String tenant, WellnessCheckedIn data) {
        return write(tenant, Topics.ROUTINE_SESSIONS, EventTypes.WELLNESS_CHECKED_IN, data.athleteId(),
                data.checkInId(), data);
    }

    /** On the sessions' topic, where outside platforms publish test results too; the subject is the test. */
    @Transactional(TxType.MANDATORY)
    public UUID strengthTestRecorded(String tenant, StrengthTestRecorded data) {
        return write(tenant, Topics.ROUTINE_SESSIONS, EventTypes.STRENGTH_TEST_RECORDED, data.athleteId(),
                data.testId(), data);
    }

    /** On the plans' topic, so that an athlete's profile and plans reach consumers in the order they changed. */
    @Transactional(TxType.MANDATORY)
    public UUID athleteUpdated(String tenant, AthleteUpdated data) {
        return outbox.record(Outbox.Envelope.of(tenant, Topics.ROUTINE_PLANS, data.athleteId(),
                EventTypes.ATHLETE_UPDATED, SOURCE, data.athleteId(), sealed(tenant, data.athleteId(), data)));
    }

    /**
     * On the plans' topic with the athlete's profile and plans, so it reaches consumers after everything it erases.
     * Written after the outbox's rows about the athlete were removed, so it is the one left.
     */
    @Transactional(TxType.MANDATORY)
    public UUID athleteErased(String tenant, AthleteErased data) {
        return outbox.record(Outbox.Envelope.of(tenant, Topics.ROUTINE_PLANS, data.athleteId(),
                EventTypes.ATHLETE_ERASED, SOURCE, data.athleteId(), data));
    }

    /** Keyed by athlete; the subject is the assignment or session the event is about. */
    private UUID write(String tenant, String topic, String type, String athleteId, UUID subject, Object data) {
        return outbox.record(Outbox.Envelope.of(tenant, topic, athleteId, type, SOURCE, subject.toString(),
                sealed(tenant, athleteId, data)));
    }

    /** The data as {@code {"sealed": "<JWE>"}}, sealed with the athlete's key. */
    private Map<String, String> sealed(String tenant, String athleteId, Object data) {
        AthleteKey key = keys.keyFor(tenant, athleteId);
        try {
            return Map.of(SealedData.MEMBER, SealedData.seal(key.keyId().toString(), key.secret(),
                    json.writeValueAsString(data)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
