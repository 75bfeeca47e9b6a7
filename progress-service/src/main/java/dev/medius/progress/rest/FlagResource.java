package dev.medius.progress.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.medius.progress.service.FlagAcknowledgements;
import dev.medius.progress.service.FlagAcknowledgements.AcknowledgementRequest;
import dev.medius.progress.service.ProgressViews.Acknowledgement;
import dev.medius.progress.service.Viewer;
import dev.medius.runtime.security.Caller;

/** A coach's answer to a raised flag. */
@Path("/api/v1/athletes/{athleteId}/flags/{flagId}/acknowledgement")
@Tag(name = "Dashboard")
@RolesAllowed({ Caller.ADMIN, Caller.HEAD_COACH, Caller.COACH })
public class FlagResource {

    @Inject
    FlagAcknowledgements acknowledgements;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Acknowledge a raised flag, with a note and an optional snooze (flag.acknowledged.v1)",
            description = "The note is shown to the athlete's other coaches. A flag snoozed for n days does not count "
                    + "as needing attention until n days from today; it stays raised while its rule holds. "
                    + "Acknowledging again replaces the earlier acknowledgement.")
    @APIResponse(responseCode = "200", description = "the acknowledgement")
    @APIResponse(responseCode = "404", description = "no such athlete coached by the caller, or no such raised flag")
    public Acknowledgement acknowledge(@PathParam("athleteId") @Size(min = 1, max = 200) String athleteId,
            @PathParam("flagId") UUID flagId, @NotNull @Valid AcknowledgementRequest request) {
        return acknowledgements.acknowledge(Viewer.of(caller), athleteId, flagId, request);
    }
}
