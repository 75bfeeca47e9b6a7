package dev.medius.routine.rest;

import java.util.Base64;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.medius.routine.repository.AthleteKeyRepository;
import dev.medius.runtime.problem.ProblemException;
import dev.medius.runtime.security.Caller;

/**
 * The key that opens the sealed data of an athlete's events: for Medius services reading the topics, and for an
 * organisation's admin whose integration reads its own athletes' events. A destroyed key (the athlete was erased) is
 * not found, for good.
 */
@Path("/api/v1/athlete-keys/{keyId}")
@Tag(name = "Events")
public class AthleteKeyResource {

    /** The key as JOSE names it: a JWK of type oct, with the organisation and athlete it opens events of. */
    public record AthleteKeyResponse(String kid, String kty, String alg, String k, String tenant, String athleteId) {
    }

    @Inject
    AthleteKeyRepository keys;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({ Caller.PLATFORM_SERVICE, Caller.ADMIN })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The key that opens sealed event data (a JWK), named by the JWE's kid",
            description = "Medius services of the platform read any organisation's keys; an organisation's admin reads "
                    + "its own athletes' keys only. After the athlete's erasure the key is destroyed: 404.")
    @APIResponse(responseCode = "404", description = "no such key, destroyed, or another organisation's")
    public AthleteKeyResponse key(@PathParam("keyId") UUID keyId) {
        AthleteKeyRepository.AthleteKey key = keys.byId(keyId)
                .filter(k -> caller.is(Caller.PLATFORM_SERVICE) || k.tenant().equals(caller.tenant()))
                .orElseThrow(() -> ProblemException.notFound("key " + keyId));
        return new AthleteKeyResponse(key.keyId().toString(), "oct", "A256GCM",
                Base64.getUrlEncoder().withoutPadding().encodeToString(key.secret()), key.tenant(), key.athleteId());
    }
}
