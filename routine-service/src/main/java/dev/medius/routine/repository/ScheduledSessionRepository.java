package dev.medius.routine.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.medius.routine.domain.ScheduledSession;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ScheduledSessionRepository implements PanacheRepositoryBase<ScheduledSession, UUID> {

    public List<ScheduledSession> ofAssignment(UUID assignmentId) {
        return list("assignmentId = ?1 order by ordinal", assignmentId);
    }

    /** Every session scheduled for the athlete in the organisation, by assignment and order. */
    public List<ScheduledSession> ofAthlete(String tenant, String athleteId) {
        return list("tenantId = ?1 and athleteId = ?2 order by assignmentId, ordinal", tenant, athleteId);
    }

    /** The athlete's session, locked so two reports of it are taken one after the other. */
    public Optional<ScheduledSession> lockOfAthlete(UUID sessionId, String tenant, String athleteId) {
        return find("id = ?1 and tenantId = ?2 and athleteId = ?3", sessionId, tenant, athleteId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Sessions still to do after {@code ordinal}: what adaptation may change. */
    public List<ScheduledSession> upcoming(UUID assignmentId, int afterOrdinal, LocalDate from) {
        return list("assignmentId = ?1 and ordinal > ?2 and scheduledDate >= ?3 and status = ?4 order by ordinal",
                assignmentId, afterOrdinal, from, ScheduledSession.SCHEDULED);
    }

    /** The athlete's sessions still to do on {@code date}, locked so that a report and a check-in take turns. */
    public List<ScheduledSession> lockDueOn(String tenant, String athleteId, LocalDate date) {
        return find("tenantId = ?1 and athleteId = ?2 and scheduledDate = ?3 and status = ?4 order by assignmentId, ordinal",
                tenant, athleteId, date, ScheduledSession.SCHEDULED).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
