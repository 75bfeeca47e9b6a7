package dev.medius.routine.rest;

import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.medius.routine.repository.AthleteKeyRepository;
import dev.medius.routine.repository.ErasureRepository;
import dev.medius.runtime.problem.ProblemException;
import dev.medius.runtime.security.Caller;
import dev.medius.runtime.trail.AthleteDigest;

/**
 * The key that opens the sealed data of an athlete's events: for Medius services reading the topics, and for an
 * organisation's admin whose integration reads its own athletes' events. A destroyed key (the athlete was erased) is
 * not found, for good.
 */
@Path("/api/v1/athlete-keys")
@Tag(name = "Events")
public class AthleteKeyResource {

    /** The key as JOSE names it: a JWK of type oct, with the organisation and athlete it opens events of. */
    public record AthleteKeyResponse(String kid, String kty, String alg, String k, String tenant, String athleteId) {
    }

    /**
     * Which athlete's key another Medius service needs to seal data of its own, and when that data was recorded: an
     * athlete erased since then gets no key, so data that outlived the erasure by a moment cannot be sealed anew.
     */
    public record KeyRequest(@NotBlank @Size(max = 200) String tenant, @NotBlank @Size(max = 200) String athleteId,
            @NotNull OffsetDateTime dataTime) {
    }

    @Inject
    AthleteKeyRepository keys;

    @Inject
    ErasureRepository erasures;

    @Inject
    Caller caller;

    @GET
    @Path("/{keyId}")
    @RolesAllowed({ Caller.PLATFORM_SERVICE, Caller.ADMIN })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The key that opens sealed event data (a JWK), named by the JWE's kid",
            description = "Medius services of the platform read any organisation's keys; an organisation's admin reads "
                    + "its own athletes' keys only. After the athlete's erasure the key is destroyed: 404.")
    @APIResponse(responseCode = "404", description = "no such key, destroyed, or another organisation's")
    public AthleteKeyResponse key(@PathParam("keyId") UUID keyId) {
        return response(keys.byId(keyId)
                .filter(k -> caller.is(Caller.PLATFORM_SERVICE) || k.tenant().equals(caller.tenant()))
                .orElseThrow(() -> ProblemException.notFound("key " + keyId)));
    }

    @POST
    @Transactional
    @RolesAllowed(Caller.PLATFORM_SERVICE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The athlete's key, made if they have none, for a Medius service sealing data of its own",
            description = "For Medius services only (platform-service). An athlete erased at or after dataTime gets "
                    + "no key: 410.")
    @APIResponse(responseCode = "410", description = "the athlete was erased after the data was recorded")
    public AthleteKeyResponse issue(@Valid @NotNull KeyRequest request) {
        if (erasures.erasedSince(request.tenant(), AthleteDigest.of(request.tenant(), request.athleteId()),
                request.dataTime())) {
            throw new ProblemException(410, "Gone", "the athlete was erased after the data was recorded");
        }
        return response(keys.keyFor(request.tenant(), request.athleteId()));
    }

    private static AthleteKeyResponse response(AthleteKeyRepository.AthleteKey key) {
        return new AthleteKeyResponse(key.keyId().toString(), "oct", "A256GCM",
                Base64.getUrlEncoder().withoutPadding().encodeToString(key.secret()), key.tenant(), key.athleteId());
    }
}
