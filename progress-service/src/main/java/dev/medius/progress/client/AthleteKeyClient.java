package dev.medius.progress.client;

import java.time.temporal.ChronoUnit;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
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
        String token = config.token().orElseThrow(() -> new KeysUnavailable(
                "no token for routine-service's keys (medius.athlete-keys.token)", null));
        JsonNode body;
        try {
            body = api.key(keyId, "Bearer " + token);
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            if (status == 404) {
                return null;
            }
            throw e;
        }
        return new AthleteKeys.Key(new TenantKey(body.path("tenant").asText(), body.path("athleteId").asText()),
                Base64.getUrlDecoder().decode(body.path("k").asText()));
    }
}
