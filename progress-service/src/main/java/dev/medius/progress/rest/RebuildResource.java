package dev.medius.progress.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.medius.progress.rest.ProgressViews.RebuildReport;
import dev.medius.progress.service.RebuildService;
import dev.medius.runtime.security.Caller;

/** Operations for administrators. */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class RebuildResource {

    @Inject
    RebuildService rebuild;

    @POST
    @Path("/rebuild")
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Rebuild every projection from routine.plans and routine.sessions",
            description = "Empties the projections and reads both topics from the beginning through the same "
                    + "ingestion code; raised flags are kept and evaluated again on the rebuilt facts. Live "
                    + "ingestion waits until the rebuild ends. The topics hold every organisation, so all are rebuilt.")
    public RebuildReport rebuild() {
        return rebuild.rebuild();
    }
}
