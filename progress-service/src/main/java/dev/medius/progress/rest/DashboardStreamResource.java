package dev.medius.progress.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import dev.medius.progress.config.DashboardConfig;
import dev.medius.progress.service.DashboardEvents;
import dev.medius.progress.service.RosterAccess;
import dev.medius.progress.service.Viewer;
import dev.medius.runtime.problem.ProblemException;
import dev.medius.runtime.security.Caller;
import dev.medius.runtime.security.TokenAuthentication;
import io.smallrye.mutiny.Multi;

/**
 * Live updates for open dashboards. A browser's EventSource cannot send an Authorization header, so
 * this endpoint alone also takes the token as {@code ?access_token=}; the token is checked here the
 * same way as on every other endpoint.
 */
@Path("/api/v1/dashboard/stream")
@Tag(name = "Dashboard")
public class DashboardStreamResource {

    @Inject
    TokenAuthentication tokens;

    @Inject
    DashboardEvents events;

    @Inject
    DashboardConfig config;

    @Inject
    Clock clock;

    @GET
    @PermitAll
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Server-sent events: one 'athlete' event each time an athlete in the caller's roster changes",
            description = "Authenticated with a bearer token in the Authorization header or as ?access_token=. The "
                    + "stream starts with a 'ready' event and sends a 'heartbeat' every 20 seconds. On an 'athlete' "
                    + "event, fetch the dashboard again.")
    public Multi<StreamEvent> stream(@HeaderParam("Authorization") String authorization,
            @QueryParam("access_token") String accessToken, @QueryParam("coach") String coach) {
        Viewer viewer = Viewer.of(tokens.authenticate(authorization, accessToken));
        if (!RosterAccess.wholeOrganisation(viewer) && !viewer.is(Caller.COACH) && !viewer.is(Caller.ATHLETE)) {
            throw new ProblemException(403, "Forbidden", "the dashboard stream is for coaches, athletes and admins");
        }
        String coachFilter = RosterAccess.wholeOrganisation(viewer) ? coach : null;
        // Changes arrive in bursts of a whole ingested batch, faster than one connection writes them, so each
        // stream keeps its caller's own changes (filtered first) in a bounded buffer. A client that falls further
        // behind than that is disconnected rather than silently skipped: its EventSource reconnects, gets 'ready'
        // and fetches the dashboard again, so no change goes unseen.
        Multi<StreamEvent> changes = events.changes()
                .filter(change -> RosterAccess.concerns(viewer, coachFilter, change))
                .onOverflow().buffer(config.stream().buffer())
                .onFailure().invoke(failure -> events.overflowed())
                .map(change -> new StreamEvent("athlete", change.athleteId(), change.reason(), now()));
        Multi<StreamEvent> heartbeats = Multi.createFrom().ticks().every(Duration.ofSeconds(20))
                .onOverflow().drop().map(tick -> new StreamEvent("heartbeat", null, null, now()));
        Multi<StreamEvent> ready = Multi.createFrom().item(() -> new StreamEvent("ready", null, null, now()));
        return Multi.createBy().merging().streams(changes, heartbeats, ready);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
