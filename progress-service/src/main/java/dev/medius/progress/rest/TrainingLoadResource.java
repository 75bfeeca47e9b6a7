package dev.medius.progress.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.medius.progress.service.TrainingLoadService;
import dev.medius.progress.service.TrainingLoadService.AthleteLoad;
import dev.medius.progress.service.Viewer;
import dev.medius.runtime.security.Caller;
import dev.medius.runtime.trail.HealthDataRead;

/** An athlete's training load, seen by whoever may see the athlete's progress. */
@Path("/api/v1/athletes/{athleteId}/load")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dashboard")
@RolesAllowed({ Caller.ADMIN, Caller.HEAD_COACH, Caller.COACH, Caller.ATHLETE })
public class TrainingLoadResource {

    @Inject
    TrainingLoadService load;

    @Inject
    Caller caller;

    @GET
    @HealthDataRead("training load")
    @Operation(summary = "One athlete's training load: daily and weekly session-RPE load, monotony, strain and the "
            + "acute:chronic workload ratio",
            description = "Load is session RPE × minutes; a session without either is counted as unrated and carries "
                    + "no load. The ratio is a signal of how fast load changes, not an injury predictor. 404 when the "
                    + "athlete is not visible to the caller (another coach's athlete, another athlete, another "
                    + "organisation).")
    @APIResponse(responseCode = "200", description = "the athlete's training load",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AthleteLoad.class)))
    @APIResponse(responseCode = "400", description = "weeks is not a whole number from 1 to 52")
    @APIResponse(responseCode = "404", description = "no such athlete visible to the caller")
    public AthleteLoad athlete(@PathParam("athleteId") @Size(min = 1, max = 200) String athleteId,
            @Parameter(description = "how many weeks, ending with the current one: 1 to 52") @QueryParam("weeks")
            @DefaultValue("8") @LoadWeeks String weeks) {
        return load.athlete(Viewer.of(caller), athleteId, Integer.parseInt(weeks));
    }
}
