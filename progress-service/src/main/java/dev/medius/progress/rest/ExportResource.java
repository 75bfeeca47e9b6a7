package dev.medius.progress.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.medius.progress.service.AthleteExports;
import dev.medius.progress.service.AthleteExports.ProgressExport;
import dev.medius.progress.service.Viewer;
import dev.medius.runtime.security.Caller;
import dev.medius.runtime.trail.HealthDataRead;

/** progress-service's part of an athlete's export; routine-service serves the whole document. */
@Path("/api/v1/athletes/{athleteId}/export")
@Tag(name = "Data protection")
@RolesAllowed({ Caller.ADMIN, Caller.ATHLETE })
public class ExportResource {

    @Inject
    AthleteExports exports;

    @Inject
    Caller caller;

    @GET
    @HealthDataRead("export")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Everything progress-service holds about an athlete of the caller's organisation",
            description = "Profile, organisation and coaches, plan events and the schedule derived from them, every "
                    + "session fact with its volume, the recent row, flags with their acknowledgements. For the athlete "
                    + "themselves and the organisation's admins. The whole export, with routine-service's part, is "
                    + "routine-service's GET /api/v1/athletes/{athleteId}/export.")
    @APIResponse(responseCode = "200", description = "progress-service's part of the export")
    @APIResponse(responseCode = "404", description = "another athlete, or the organisation holds nothing about them")
    public ProgressExport export(@PathParam("athleteId") @Size(min = 1, max = 200) String athleteId) {
        return exports.export(Viewer.of(caller), athleteId);
    }
}
