package dev.medius.runtime.trail;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.medius.runtime.problem.ProblemException;
import dev.medius.runtime.security.Caller;
import io.quarkus.arc.properties.IfBuildProperty;

/** The organisation's access trail, for its admins: who read which athlete's health data, when and why allowed. */
@Path("/api/v1/organisation/access-trail")
@Tag(name = "Data protection")
@IfBuildProperty(name = "medius.access-trail.enabled", stringValue = "true")
public class AccessTrailResource {

    @Inject
    AccessTrail trail;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed(Caller.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reads of athletes' health data in this service, newest first",
            description = "One entry per answered read: when, who (subject and roles), what was read, the operation, "
                    + "the athletes it showed and the rule that allowed it. Admins of the organisation only.")
    public List<AccessTrail.Entry> entries(
            @Parameter(description = "only reads that showed this athlete") @QueryParam("athleteId") @Size(max = 200) String athleteId,
            @Parameter(description = "only reads by this subject") @QueryParam("reader") @Size(max = 200) String reader,
            @Parameter(description = "from this moment (ISO 8601)") @QueryParam("from") String from,
            @Parameter(description = "before this moment (ISO 8601)") @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return trail.entries(caller.tenant(), new AccessTrail.Query(athleteId, reader, moment("from", from),
                moment("to", to), page, size));
    }

    private static OffsetDateTime moment(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (RuntimeException e) {
            throw ProblemException.invalidField(field, "must be a date-time with its offset, such as 2026-12-01T00:00:00Z");
        }
    }
}
