package dev.medius.runtime.outbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Records a session event while serving a request, so that the request's trace context is the current one. */
@Path("/test/athletes/{athlete}/sessions")
@PermitAll
public class TracedSessionResource {

    @Inject
    SessionLog log;

    @POST
    @Produces(MediaType.TEXT_PLAIN)
    public String complete(@PathParam("athlete") String athlete) {
        UUID id = log.commit(List.of(SessionTopic.session(athlete, 1).withHeaders(Map.of("medius-origin", "coach-app"))))
                .get(0);
        return id.toString();
    }
}
