package dev.medius.progress.client;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import dev.medius.progress.client.AthleteKeys.KeysUnavailable;
import dev.medius.progress.config.AthleteKeysConfig;
import dev.medius.progress.domain.TenantKey;

/**
 * Asks routine-service for one key. A 404 is an answer (the key was destroyed, or never was); a slow or failing
 * routine-service is retried a little, then the failure goes to ingestion, which waits and reads the batch again.
 */
@ApplicationScoped
class AthleteKeyClient {

    @Inject
    @RestClient
    AthleteKeysApi api;

    @Inject
    AthleteKeysConfig config;

    /** The key, or null when routine-service has none by that id. */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, abortOn = KeysUnavailable.class)
    AthleteKeys.Key fetch(String keyId) {
        JsonNode body;
        try {
            body = api.key(keyId, bearer());
        } catch (WebApplicationException e) {
            if (status(e) == 404) {
                return null;
            }
            throw e;
        }
        return key(body);
    }

    /**
     * The athlete's key, made if they have none; null when they were erased after {@code dataTime}. The outbox relay
     * asks for many athletes in one round: once routine-service is found away, the rest of the round fails at once.
     */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 5, delayUnit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, abortOn = { KeysUnavailable.class, CircuitBreakerOpenException.class })
    AthleteKeys.Key issue(TenantKey athlete, OffsetDateTime dataTime) {
        JsonNode body;
        try {
            body = api.issue(new AthleteKeysApi.KeyRequest(athlete.tenant(), athlete.id(), dataTime), bearer());
        } catch (WebApplicationException e) {
            if (status(e) == 410) {
                return null;
            }
            throw e;
        }
        return key(body);
    }

    private String bearer() {
        return "Bearer " + config.token().orElseThrow(() -> new KeysUnavailable(
                "no token for routine-service's keys (medius.athlete-keys.token)", null));
    }

    private static int status(WebApplicationException e) {
        return e.getResponse() == null ? 0 : e.getResponse().getStatus();
    }

    private static AthleteKeys.Key key(JsonNode body) {
        return new AthleteKeys.Key(body.path("kid").asText(),
                new TenantKey(body.path("tenant").asText(), body.path("athleteId").asText()),
                Base64.getUrlDecoder().decode(body.path("k").asText()));
    }
}
