package dev.medius.progress.rest;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import dev.medius.progress.config.DashboardStreamConfig;
import dev.medius.progress.rest.ProgressViews.StreamEvent;
import dev.medius.progress.service.DashboardEvents;
import dev.medius.progress.service.ProgressService;
import dev.medius.progress.service.ProgressService.Viewer;
import dev.medius.runtime.problem.ProblemException;
import dev.medius.runtime.security.Caller;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
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
    JWTParser tokens;

    @Inject
    DashboardEvents events;

    @Inject
    DashboardStreamConfig config;

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
        Viewer viewer = authenticate(authorization, accessToken);
        if (!viewer.is(Caller.ADMIN) && !viewer.is(Caller.COACH) && !viewer.is(Caller.ATHLETE)) {
            throw new ProblemException(403, "Forbidden", "the dashboard stream is for coaches, athletes and admins");
        }
        String coachFilter = viewer.is(Caller.ADMIN) ? coach : null;
        // Changes arrive in bursts of a whole ingested batch, faster than one connection writes them, so each
        // stream keeps its caller's own changes (filtered first) in a bounded buffer. A client that falls further
        // behind than that is disconnected rather than silently skipped: its EventSource reconnects, gets 'ready'
        // and fetches the dashboard again, so no change goes unseen.
        Multi<StreamEvent> changes = events.changes()
                .filter(change -> ProgressService.concerns(viewer, coachFilter, change))
                .onOverflow().buffer(config.buffer())
                .onFailure().invoke(failure -> events.overflowed())
                .map(change -> new StreamEvent("athlete", change.athleteId(), change.reason(), now()));
        Multi<StreamEvent> heartbeats = Multi.createFrom().ticks().every(Duration.ofSeconds(20))
                .onOverflow().drop().map(tick -> new StreamEvent("heartbeat", null, null, now()));
        Multi<StreamEvent> ready = Multi.createFrom().item(() -> new StreamEvent("ready", null, null, now()));
        return Multi.createBy().merging().streams(changes, heartbeats, ready);
    }

    private Viewer authenticate(String authorization, String accessToken) {
        String raw = accessToken;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            raw = authorization.substring(7).trim();
        }
        if (raw == null || raw.isBlank()) {
            throw new ProblemException(401, "Unauthorized", "a bearer token is required");
        }
        try {
            JsonWebToken token = tokens.parse(raw);
            Object tenant = token.getClaim("tenant");
            String tenantId = tenant == null ? null : tenant.toString().replace("\"", "");
            if (token.getSubject() == null || tenantId == null || tenantId.isBlank()) {
                throw new ProblemException(401, "Unauthorized", "token without subject or tenant");
            }
            Set<String> roles = token.getGroups() == null ? Set.of() : new HashSet<>(token.getGroups());
            return new Viewer(token.getSubject(), tenantId, roles);
        } catch (ParseException e) {
            throw new ProblemException(401, "Unauthorized", "invalid or expired token");
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
