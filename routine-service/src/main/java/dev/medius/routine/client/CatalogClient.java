package dev.medius.routine.client;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.events.catalog.ExercisePublished;

/**
 * Asks catalog-service for an exercise the read model does not hold yet. A 404 is an answer (the
 * exercise does not exist); a slow or failing catalog is retried, then the breaker opens and the
 * fallback says the catalog could not be asked, so callers decide without waiting.
 */
@ApplicationScoped
public class CatalogClient {

    private static final Logger LOG = Logger.getLogger(CatalogClient.class);

    @Inject
    @RestClient
    CatalogApi api;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** What the catalog said about an exercise. */
    public record Lookup(Answer answer, ExercisePublished exercise) {
        public static Lookup found(ExercisePublished exercise) {
            return new Lookup(Answer.FOUND, exercise);
        }

        public static final Lookup NOT_FOUND = new Lookup(Answer.NOT_FOUND, null);
        public static final Lookup UNAVAILABLE = new Lookup(Answer.UNAVAILABLE, null);
    }

    public enum Answer {
        FOUND, NOT_FOUND, UNAVAILABLE
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "catalogUnavailable")
    public Lookup exercise(String idOrSlug, String bearerToken) {
        JsonNode body;
        try {
            body = api.exercise(idOrSlug, bearerToken == null ? null : "Bearer " + bearerToken);
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                return Lookup.NOT_FOUND;
            }
            throw e;
        }
        return Lookup.found(toPublished(body));
    }

    Lookup catalogUnavailable(String idOrSlug, String bearerToken, Throwable failure) {
        LOG.warnf("catalog-service could not be asked for %s: %s", idOrSlug, failure.toString());
        return Lookup.UNAVAILABLE;
    }

    /** Reads catalog-service's exercise representation into the shape of the published event. */
    ExercisePublished toPublished(JsonNode body) {
        ObjectNode node = body.deepCopy();
        if (!node.hasNonNull("exerciseId") && node.hasNonNull("id")) {
            node.set("exerciseId", node.get("id"));
        }
        if (!node.hasNonNull("revision")) {
            node.put("revision", 1);
        }
        if (!node.hasNonNull("publishedAt")) {
            node.put("publishedAt", OffsetDateTime.now(clock).toString());
        }
        try {
            return json.treeToValue(node, ExercisePublished.class);
        } catch (Exception e) {
            throw new IllegalStateException("catalog answered an exercise this service cannot read: " + e.getMessage(), e);
        }
    }
}
