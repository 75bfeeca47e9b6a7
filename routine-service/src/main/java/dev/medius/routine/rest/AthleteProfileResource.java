package dev.medius.routine.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.medius.routine.service.AthleteRegistry;
import dev.medius.runtime.security.Caller;

/** An athlete's name, team and sport, kept by routine-service and published as athlete.updated.v1. */
@Path("/api/v1/athletes/{athleteId}/profile")
@Produces(MediaType.APPLICATION_JSON)
public class AthleteProfileResource {

    @Inject
    AthleteRegistry registry;

    @GET
    @RolesAllowed({ Caller.ADMIN, Caller.HEAD_COACH, Caller.COACH, Caller.ATHLETE })
    @Operation(summary = "The athlete's profile: name, team and sport",
            description = "For the athlete, the athlete's coaches, head coaches and admins of the organisation.")
    @APIResponse(responseCode = "404", description = "no profile, or not an athlete the caller may see")
    public AthleteProfileResponse get(@PathParam("athleteId") String athleteId) {
        return AthleteProfileResponse.of(registry.get(athleteId));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Caller.ADMIN, Caller.HEAD_COACH, Caller.COACH })
    @Operation(summary = "Register the athlete or change their profile (athlete.updated.v1)",
            description = "The whole profile: a field left out is cleared, except teamName, which defaults to the "
                    + "name the organisation already gives the team, else to the teamId. A change raises the revision "
                    + "and publishes athlete.updated.v1; a PUT that changes nothing publishes nothing. Any coach may "
                    + "register an athlete no one of the organisation has registered or assigned a plan yet.")
    @APIResponse(responseCode = "404", description = "not an athlete the caller may change")
    public AthleteProfileResponse put(@PathParam("athleteId") @Size(max = 200) String athleteId,
            @NotNull @Valid AthleteRegistry.ProfileChange request) {
        return AthleteProfileResponse.of(registry.put(athleteId, request));
    }
}
