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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.medius.progress.rest.ProgressViews.AthleteProgress;
import dev.medius.progress.rest.ProgressViews.Dashboard;
import dev.medius.progress.service.ProgressService;
import dev.medius.progress.service.ProgressService.Viewer;
import dev.medius.runtime.problem.ProblemException;
import dev.medius.runtime.security.Caller;

/** The coach dashboard and an athlete's progress. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dashboard")
@RolesAllowed({ Caller.ADMIN, Caller.COACH, Caller.ATHLETE })
public class DashboardResource {

    @Inject
    ProgressService progress;

    @Inject
    Caller caller;

    @GET
    @Path("/dashboard")
    @Operation(summary = "The caller's roster with adherence, last activity, streak, weekly volume, RPE and pain "
            + "trends and flags, most urgent first",
            description = "Coaches see the athletes whose plans name them as coach; athletes see themselves; admins see "
                    + "their organisation and may narrow it to one coach with ?coach=.")
    public Dashboard dashboard(
            @Parameter(description = "an admin may name a coach whose roster to show") @QueryParam("coach") @Size(min = 1, max = 200) String coach) {
        return progress.dashboard(Viewer.of(caller), coach);
    }

    @GET
    @Path("/athletes/{athleteId}/progress")
    @Operation(summary = "One athlete's summary and weekly series per exercise, muscle and movement pattern",
            description = "404 when the athlete is not visible to the caller (another coach's athlete, another "
                    + "athlete, another organisation).")
    public AthleteProgress athlete(@PathParam("athleteId") @Size(min = 1, max = 200) String athleteId,
            @Parameter(description = "how many weeks, ending with the current one: 1 to 52") @QueryParam("weeks") @DefaultValue("12") String weeks) {
        return progress.athlete(Viewer.of(caller), athleteId, weeks(weeks));
    }

    private static int weeks(String value) {
        int weeks;
        try {
            weeks = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("weeks", "must be a whole number");
        }
        if (weeks < 1 || weeks > 52) {
            throw ProblemException.invalidField("weeks", "must be between 1 and 52");
        }
        return weeks;
    }
}
