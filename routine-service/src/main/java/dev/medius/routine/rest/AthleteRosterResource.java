package dev.medius.routine.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.medius.routine.service.AthleteRegistry;
import dev.medius.runtime.security.Caller;
import dev.medius.runtime.validation.PageNumber;
import dev.medius.runtime.validation.PageSize;

/** The athletes a caller may see, by name: the organisation's for admins and head coaches, their own for coaches. */
@Path("/api/v1/athletes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Caller.ADMIN, Caller.HEAD_COACH, Caller.COACH, Caller.ATHLETE })
public class AthleteRosterResource {

    @Inject
    AthleteRegistry registry;

    /** A page of profiles; {@code total} counts every profile the query matches. */
    public record AthletePageResponse(List<AthleteProfileResponse> items, int page, int size, long total,
            long totalPages) {
    }

    @GET
    @Operation(summary = "The profiles the caller may see, by name",
            description = "Admins and head coaches see the organisation's athletes, a coach the athletes of every "
                    + "plan they assigned, an athlete themself.")
    public AthletePageResponse list(
            @Parameter(description = "only this team") @QueryParam("teamId") @Size(max = 100)
            @Pattern(regexp = AthleteRegistry.TEAM_ID, message = "must be a team id: lower-case letters, digits and "
                    + "hyphens") String teamId,
            @Parameter(description = "page number from 0") @QueryParam("page") @DefaultValue("0") @PageNumber String page,
            @Parameter(description = "page size, 1 to 100") @QueryParam("size") @DefaultValue("20") @PageSize String size) {
        var found = registry.page(teamId, Integer.parseInt(page), Integer.parseInt(size));
        long totalPages = (found.total() + found.size() - 1) / found.size();
        return new AthletePageResponse(found.items().stream().map(AthleteProfileResponse::of).toList(), found.page(),
                found.size(), found.total(), totalPages);
    }
}
