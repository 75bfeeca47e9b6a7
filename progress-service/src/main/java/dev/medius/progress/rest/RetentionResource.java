package dev.medius.progress.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.medius.progress.service.FactRetention;
import dev.medius.progress.service.FactRetention.Retention;
import dev.medius.progress.service.FactRetention.RetentionRequest;
import dev.medius.runtime.security.Caller;

/** How long the caller's organisation keeps raw session facts (docs/data-protection.md, "Retention"). */
@Path("/api/v1/organisation/retention")
@Tag(name = "Administration")
@RolesAllowed(Caller.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {

    @Inject
    FactRetention retention;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "The organisation's retention of raw session facts, in days")
    public Retention get() {
        return retention.of(caller.tenant());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choose how long the organisation keeps raw session facts",
            description = "From 371 days (the dashboard's longest view, 52 weeks and the current one, is never cut) to "
                    + "3650. Facts older than that are removed with their volume by the retention job.")
    public Retention choose(@NotNull @Valid RetentionRequest request) {
        return retention.choose(caller.tenant(), request, caller.subject());
    }
}
