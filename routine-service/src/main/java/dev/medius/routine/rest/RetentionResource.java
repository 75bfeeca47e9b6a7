package dev.medius.routine.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.medius.routine.service.ReportRetention;
import dev.medius.runtime.security.Caller;

/** The retention of athletes' session reports, applied as progress-service's retention job orders it. */
@Path("/api/v1/admin/retention")
@Tag(name = "Operations")
public class RetentionResource {

    @Inject
    ReportRetention retention;

    @POST
    @RolesAllowed(Caller.PLATFORM_SERVICE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Remove the session reports older than their organisation's retention",
            description = "For Medius services only (platform-service): progress-service's retention job sends every "
                    + "organisation's retention as it runs (docs/data-protection.md, \"Retention\"). Reports recorded "
                    + "before today less the organisation's days go; a second run removes nothing more.")
    public ReportRetention.Report apply(@Valid @NotNull ReportRetention.Order request) {
        return retention.apply(request);
    }
}
