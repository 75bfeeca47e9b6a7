package dev.medius.runtime.trail;

import java.lang.reflect.Method;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import dev.medius.runtime.security.Caller;
import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Records every successful answer of a {@link HealthDataRead} operation in the access trail before the answer leaves:
 * should the trail refuse the entry, the caller gets an error, not the data.
 */
@IfBuildProperty(name = "medius.access-trail.enabled", stringValue = "true")
public class AccessTrailFilter {

    @Inject
    AccessTrail trail;

    @Inject
    Caller caller;

    @Inject
    TrailedAthletes trailed;

    @Inject
    Clock clock;

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        HealthDataRead read = method == null ? null : method.getAnnotation(HealthDataRead.class);
        if (read == null || response.getStatus() >= 300) {
            return;
        }
        String athleteId = request.getUriInfo().getPathParameters().getFirst("athleteId");
        List<String> athletes = athleteId != null ? List.of(athleteId) : trailed.all();
        List<String> roles = caller.roles().stream().sorted().toList();
        trail.record(caller.tenant(), new AccessTrail.Entry(UUID.randomUUID(),
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS), caller.subject(), roles, read.value(),
                request.getMethod() + " " + template(resource), athletes, allowedAs(athleteId, roles)));
    }

    /** The rule under which the read was answered: the same the services' access checks apply, named. */
    private String allowedAs(String athleteId, List<String> roles) {
        if (athleteId != null && athleteId.equals(caller.subject()) && roles.contains(Caller.ATHLETE)) {
            return "the athlete themselves";
        }
        if (roles.contains(Caller.ADMIN)) {
            return "admin of the organisation";
        }
        if (roles.contains(Caller.HEAD_COACH)) {
            return "head coach of the organisation";
        }
        if (roles.contains(Caller.COACH)) {
            return athleteId != null ? "coach of the athlete" : "coach of the athletes shown";
        }
        return "athlete";
    }

    /** The operation's path as the API documents it, with its parameters named rather than filled in. */
    private static String template(ResourceInfo resource) {
        Path type = resource.getResourceClass().getAnnotation(Path.class);
        Path method = resource.getResourceMethod().getAnnotation(Path.class);
        String path = (type == null ? "" : type.value()) + (method == null ? "" : "/" + method.value());
        return path.replaceAll("/+", "/").replaceAll("/$", "");
    }
}
