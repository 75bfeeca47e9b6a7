package dev.medius.routine.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.medius.events.routine.AthleteErased;
import dev.medius.routine.events.RoutineEvents;
import dev.medius.routine.repository.AthleteRepository;
import dev.medius.routine.repository.ErasureRepository;
import dev.medius.runtime.problem.ProblemException;
import dev.medius.runtime.security.Caller;
import dev.medius.runtime.trail.AccessTrail;
import dev.medius.runtime.trail.AthleteDigest;

/**
 * Erases an athlete on request (GDPR article 17): removes everything this service holds about them in the caller's
 * organisation and tells every consumer with {@code athlete.erased.v1}, in one transaction.
 */
@ApplicationScoped
public class AthleteErasure {

    private static final Logger LOG = Logger.getLogger(AthleteErasure.class);

    @Inject
    ErasureRepository erasures;

    @Inject
    AthleteRepository athletes;

    @Inject
    RoutineEvents events;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @Inject
    AccessTrail trail;

    @Inject
    Clock clock;

    @Schema(description = "Why the athlete is erased, kept with the record of the erasure (not published)")
    public record ErasureRequest(
            @NotBlank @Size(max = 500) @Schema(description = "for example the date and reference of the athlete's request",
                    maxLength = 500) String reason) {
    }

    @Schema(description = "What the erasure removed, row counts by kind")
    public record ErasureReceipt(UUID erasureId, String athleteId, OffsetDateTime erasedAt, Map<String, Integer> removed) {
    }

    @Transactional
    public ErasureReceipt erase(String athleteId, ErasureRequest request) {
        String tenant = caller.tenant();
        // a completion or profile change of the same athlete waits, or comes after and finds nothing
        athletes.lock(tenant, athleteId);
        if (!erasures.holds(tenant, athleteId)) {
            throw ProblemException.notFound("athlete " + athleteId);
        }
        OffsetDateTime erasedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        Map<String, Integer> removed = erasures.remove(tenant, athleteId);
        removed.put("accessTrailEntries", trail.pseudonymise(tenant, athleteId));
        UUID id = UUID.randomUUID();
        try {
            erasures.record(id, tenant, AthleteDigest.of(tenant, athleteId), erasedAt, caller.subject(), request.reason().strip(),
                    json.writeValueAsString(removed));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        events.athleteErased(tenant, new AthleteErased(athleteId, erasedAt));
        LOG.infof("athlete erased in organisation %s (erasure %s)", tenant, id);
        return new ErasureReceipt(id, athleteId, erasedAt, removed);
    }
}
