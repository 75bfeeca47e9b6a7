package dev.medius.routine.client;

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

/**
 * Asks progress-service for its part of an athlete's export, with the caller's token. A 404 is an answer
 * (progress-service holds nothing about the athlete); a slow or failing progress-service is retried, then the breaker
 * opens and the fallback says it could not be asked, so the caller refuses the export rather than give half of it.
 */
@ApplicationScoped
public class ProgressClient {

    private static final Logger LOG = Logger.getLogger(ProgressClient.class);

    @Inject
    @RestClient
    ProgressApi api;

    /** What progress-service said about an athlete. */
    public record Part(Answer answer, JsonNode body) {
        public static Part found(JsonNode body) {
            return new Part(Answer.FOUND, body);
        }

        public static final Part NOT_FOUND = new Part(Answer.NOT_FOUND, null);
        public static final Part UNAVAILABLE = new Part(Answer.UNAVAILABLE, null);
    }

    public enum Answer {
        FOUND, NOT_FOUND, UNAVAILABLE
    }

    // longer than the catalog's: an export reads every row progress-service holds about the athlete
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "progressUnavailable")
    public Part export(String athleteId, String bearerToken) {
        try {
            return Part.found(api.export(athleteId, bearerToken == null ? null : "Bearer " + bearerToken));
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                return Part.NOT_FOUND;
            }
            throw e;
        }
    }

    Part progressUnavailable(String athleteId, String bearerToken, Throwable failure) {
        LOG.warnf("progress-service could not be asked for the export of %s: %s", athleteId, failure.toString());
        return Part.UNAVAILABLE;
    }
}
