package dev.medius.progress.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.medius.progress.service.DeadLetterReplay;
import dev.medius.progress.service.FactRetention;
import dev.medius.progress.service.RebuildService;
import dev.medius.progress.service.RebuildService.RebuildReport;
import dev.medius.runtime.security.Caller;

/** Operations for administrators. */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
@RolesAllowed(Caller.PLATFORM_OPERATOR)
public class AdminResource {

    @Inject
    RebuildService rebuild;

    @Inject
    DeadLetterReplay replay;

    @Inject
    FactRetention retention;

    @POST
    @Path("/rebuild")
    @Operation(summary = "Rebuild every projection from routine.plans and routine.sessions",
            description = "Empties the projections and reads both topics from the beginning through the same "
                    + "ingestion code; raised flags are kept and evaluated again on the rebuilt facts. Live "
                    + "ingestion waits until the rebuild ends. The topics hold every organisation, so all are rebuilt: "
                    + "only a platform operator may, never an organisation's admin.")
    public RebuildReport rebuild() {
        return rebuild.rebuild();
    }

    @POST
    @Path("/dead-letters/replay")
    @Operation(summary = "Send the dead letters of routine.sessions.dlq back to their topics, each once",
            description = "After a fix, every record dead-lettered since the last replay goes back to the topic it came "
                    + "from without its medius-dlq-* headers, and ingestion applies it, recognises it as a duplicate or "
                    + "dead-letters it again with its reason. A second replay sends only what was dead-lettered since. "
                    + "The topic holds every organisation: only a platform operator may replay it.")
    public DeadLetterReplay.Report replay() {
        return replay.replay();
    }

    @POST
    @Path("/retention/run")
    @Operation(summary = "Remove the session facts older than their organisation's retention, now",
            description = "What the scheduled retention job does: every organisation's facts past its retention go, with "
                    + "their volume; a second run finds nothing more. It reaches every organisation: only a platform "
                    + "operator may.")
    public FactRetention.Report retention() {
        return retention.run();
    }
}
