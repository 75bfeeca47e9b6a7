package dev.medius.progress.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.medius.progress.domain.RosterFilter;
import dev.medius.progress.service.DashboardAnswers;
import dev.medius.progress.service.OrganisationRosters;
import dev.medius.progress.service.ProgressViews.AthleteProgress;
import dev.medius.progress.service.ProgressViews.AthleteSummary;
import dev.medius.progress.service.ProgressViews.Dashboard;
import dev.medius.progress.service.ProgressViews.OrganisationRoster;
import dev.medius.progress.service.Viewer;
import dev.medius.runtime.problem.ProblemException;
import dev.medius.runtime.security.Caller;
import dev.medius.runtime.trail.HealthDataRead;
import dev.medius.runtime.trail.TrailedAthletes;
import dev.medius.runtime.validation.PageNumber;
import dev.medius.runtime.validation.PageSize;

/** The coach dashboard and an athlete's progress. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dashboard")
@RolesAllowed({ Caller.ADMIN, Caller.HEAD_COACH, Caller.COACH, Caller.ATHLETE })
public class DashboardResource {

    @Inject
    DashboardAnswers answers;

    @Inject
    OrganisationRosters organisationRosters;

    @Inject
    Caller caller;

    @Inject
    TrailedAthletes trailed;

    @GET
    @Path("/dashboard")
    @HealthDataRead("roster")
    @Operation(summary = "The caller's roster with adherence, last activity, streak, weekly volume, RPE and pain "
            + "trends and flags, most urgent first",
            description = "Coaches see the athletes whose plans name them as coach; athletes see themselves; admins and "
                    + "head coaches see their organisation and may narrow it to one coach with ?coach=.")
    @APIResponse(responseCode = "200", description = "the roster",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Dashboard.class)))
    @APIResponse(responseCode = "403", description = "a coach asked for another coach's roster")
    public Response dashboard(
            @Parameter(description = "an admin or a head coach may name a coach whose roster to show") @QueryParam("coach") @Size(min = 1, max = 200) String coach) {
        return ok(answers.roster(Viewer.of(caller), coach));
    }

    @GET
    @Path("/organisation/roster")
    @HealthDataRead("organisation roster")
    @RolesAllowed({ Caller.ADMIN, Caller.HEAD_COACH })
    @Operation(summary = "The organisation's athletes a page at a time, most urgent first, for head coaches and admins",
            description = "Filters by team, flag kind (* for any open flag) and words of a name or id; sort=name orders "
                    + "by name alone. The attention counts cover the whole organisation, not the page.")
    @APIResponse(responseCode = "200", description = "a page of the organisation's roster", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganisationRoster.class)))
    public OrganisationRoster organisation(
            @Parameter(description = "only athletes of this team") @QueryParam("team") @Size(min = 1, max = 100) String team,
            @Parameter(description = "only athletes with this open flag, * for any") @QueryParam("flag") @Size(min = 1, max = 40) String flag,
            @Parameter(description = "words of the athlete's name or id") @QueryParam("q") @Size(min = 1, max = 200) String words,
            @Parameter(description = "urgency (the default) or name") @QueryParam("sort") @DefaultValue("urgency")
            @Pattern(regexp = "urgency|name", message = "must be urgency or name") String sort,
            @Parameter(description = "page number from 0") @QueryParam("page") @DefaultValue("0") @PageNumber String page,
            @Parameter(description = "page size, 1 to 100") @QueryParam("size") @DefaultValue("50") @PageSize String size) {
        OrganisationRoster roster = organisationRosters.page(Viewer.of(caller), new RosterFilter(team, flag, words), sort,
                Integer.parseInt(page), Integer.parseInt(size));
        trailed.shown(roster.athletes().stream().map(AthleteSummary::athleteId).toList());
        return roster;
    }

    @GET
    @Path("/athletes/{athleteId}/progress")
    @HealthDataRead("progress")
    @Operation(summary = "One athlete's summary and weekly series per exercise, muscle and movement pattern",
            description = "404 when the athlete is not visible to the caller (another coach's athlete, another "
                    + "athlete, another organisation).")
    @APIResponse(responseCode = "200", description = "the athlete's progress",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AthleteProgress.class)))
    @APIResponse(responseCode = "404", description = "no such athlete visible to the caller")
    public Response athlete(@PathParam("athleteId") @Size(min = 1, max = 200) String athleteId,
            @Parameter(description = "how many weeks, ending with the current one: 1 to 52") @QueryParam("weeks") @DefaultValue("12") String weeks) {
        return ok(answers.athlete(Viewer.of(caller), athleteId, weeks(weeks)));
    }

    private static Response ok(byte[] body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
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
