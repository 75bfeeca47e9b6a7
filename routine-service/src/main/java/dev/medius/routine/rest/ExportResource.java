package dev.medius.routine.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.medius.routine.service.AthleteExport;
import dev.medius.runtime.security.Caller;
import dev.medius.runtime.trail.HealthDataRead;

/** Everything Medius holds about an athlete, as one JSON document to download (GDPR articles 15 and 20). */
@Path("/api/v1/athletes/{athleteId}/export")
@RolesAllowed({ Caller.ADMIN, Caller.ATHLETE })
public class ExportResource {

    @Inject
    AthleteExport export;

    @GET
    @HealthDataRead("export")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Everything Medius holds about the athlete, from every service, as one document",
            description = "For the athlete themselves and the organisation's admins. The document's shape is "
                    + "medius.athlete-export.v1 (docs/data-protection.md, \"Export\"): routine-service's rows under "
                    + "routine, progress-service's under progress. Served as an attachment. When progress-service "
                    + "cannot answer, 503 rather than half an export.")
    @APIResponse(responseCode = "200", description = "the export", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AthleteExport.Document.class)))
    @APIResponse(responseCode = "404", description = "another athlete, or the organisation holds nothing about them")
    @APIResponse(responseCode = "503", description = "progress-service cannot be reached; nothing is exported")
    public Response export(@PathParam("athleteId") @Size(min = 1, max = 200) String athleteId) {
        return Response.ok(export.export(athleteId), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(athleteId) + "\"")
                .build();
    }

    /** The athlete id as a file name: characters a header or a file system would misread become '_'. */
    static String fileName(String athleteId) {
        return athleteId.replaceAll("[^A-Za-z0-9._-]", "_") + "-medius-export.json";
    }
}
