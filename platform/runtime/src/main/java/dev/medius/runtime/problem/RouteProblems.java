package dev.medius.runtime.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.medius.runtime.config.HttpLimits;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Problem details for what fails outside the REST resources: the HTTP permission checks that guard
 * metrics, the OpenAPI document and Swagger UI, and bodies over the size limit. Without this those
 * answers would be bare statuses, unlike every other error of the API.
 */
@ApplicationScoped
public class RouteProblems {

    private static final Logger LOG = Logger.getLogger(RouteProblems.class);

    @Inject
    ObjectMapper json;

    @Inject
    HttpLimits limits;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
        // A declared body over the limit is otherwise refused deep in the body reading with a bare 413.
        limits.maxBodySize().ifPresent(limit -> router.route().order(Integer.MIN_VALUE).handler(context -> {
            if (declaredLength(context) > limit.asLongValue()) {
                context.response().putHeader(HttpHeaders.CONNECTION, "close");
                respond(context, 413);
            } else {
                context.next();
            }
        }));
        // The permission check answers a request without credentials with a bare challenge, before any
        // failure handler sees it; such a request to a guarded /q/ endpoint (all but health, as in the
        // quarkus.http.auth.permission settings) is answered here instead, with the same 401.
        router.routeWithRegex("/q(/(?!health(/|$)).*)?").order(Integer.MIN_VALUE).handler(context -> {
            String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
            if (authorization == null || authorization.isBlank() || authorization.strip().equalsIgnoreCase("Bearer")) {
                respond(context, 401);
            } else {
                context.next();
            }
        });
    }

    private static long declaredLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    void handle(RoutingContext context) {
        Throwable failure = context.failure();
        int status;
        if (failure instanceof UnauthorizedException || failure instanceof AuthenticationFailedException
                || failure instanceof AuthenticationCompletionException) {
            status = 401;
        } else if (failure instanceof ForbiddenException) {
            status = 403;
        } else if (failure == null && (context.statusCode() == 401 || context.statusCode() == 413)) {
            status = context.statusCode();
        } else {
            context.next();
            return;
        }
        if (context.response().headWritten()) {
            context.next();
            return;
        }
        respond(context, status);
    }

    private void respond(RoutingContext context, int status) {
        Problem problem = switch (status) {
            case 401 -> Problem.of(401, "Unauthorized", "a valid bearer token is required");
            case 403 -> Problem.of(403, "Forbidden", "your role does not allow this operation");
            default -> Problem.of(413, "Payload Too Large", "request body too large");
        };
        if (status == 401) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
        }
        try {
            context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem.withInstance(context.normalizedPath())));
        } catch (JsonProcessingException e) {
            LOG.warn("problem details not written", e);
            context.response().setStatusCode(status).end();
        }
    }
}
