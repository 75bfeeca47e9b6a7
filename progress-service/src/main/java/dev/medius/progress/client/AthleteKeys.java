package dev.medius.progress.client;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.medius.progress.config.AthleteKeysConfig;
import dev.medius.progress.domain.DataOpener;
import dev.medius.progress.domain.TenantKey;
import dev.medius.runtime.seal.SealedData;

/**
 * Opens event data sealed with its athlete's key, fetched from routine-service once and kept in memory. A key
 * routine-service no longer has belongs to an erased athlete: the data is left unread. A key of another organisation
 * than the event's does not open it. When routine-service cannot be asked, the failure says so, and ingestion waits
 * and tries again, as it does for the database.
 */
@ApplicationScoped
public class AthleteKeys implements DataOpener {

    @Inject
    AthleteKeyClient client;

    @Inject
    AthleteKeysConfig config;

    @Inject
    ObjectMapper json;

    /** A key and whose events it opens. */
    record Key(String keyId, TenantKey athlete, byte[] secret) {
    }

    private Cache<String, Key> keys;
    private Cache<TenantKey, Key> byAthlete;

    @PostConstruct
    void cache() {
        keys = Caffeine.newBuilder().maximumSize(config.cacheSize()).build();
        byAthlete = Caffeine.newBuilder().maximumSize(config.cacheSize()).build();
    }

    /**
     * Seals data about the athlete recorded at {@code dataTime} with their key, asking routine-service for it (made
     * there if they have none yet). Empty when the athlete was erased since: such data is not to be published.
     */
    public Optional<String> seal(TenantKey athlete, OffsetDateTime dataTime, String json) {
        Key key = byAthlete.getIfPresent(athlete);
        if (key == null) {
            key = ask(() -> client.issue(athlete, dataTime));
            if (key == null) {
                return Optional.empty();
            }
        }
        return Optional.of(SealedData.seal(key.keyId(), key.secret(), json));
    }

    @Override
    public Optional<JsonNode> open(String tenant, String sealed) {
        String keyId = SealedData.keyId(sealed);
        if (keyId == null) {
            throw new IllegalArgumentException("not a JWE with a kid");
        }
        Key key = keys.getIfPresent(keyId);
        if (key == null) {
            key = ask(() -> client.fetch(keyId));
            if (key == null) {
                return Optional.empty();
            }
        }
        if (!key.athlete().tenant().equals(tenant)) {
            throw new IllegalArgumentException("the key is not one of the event's organisation");
        }
        JsonNode data;
        try {
            data = json.readTree(SealedData.open(sealed, key.secret()));
        } catch (IOException e) {
            throw new IllegalArgumentException("the opened data is not JSON", e);
        }
        if (data == null || !key.athlete().id().equals(data.path("athleteId").asText(null))) {
            throw new IllegalArgumentException("the key is not the event's athlete's");
        }
        return Optional.of(data);
    }

    /** A key from routine-service, kept by id and by athlete; null when it has none to give. */
    private Key ask(Supplier<Key> request) {
        Key key;
        try {
            key = request.get();
        } catch (KeysUnavailable e) {
            throw e;
        } catch (RuntimeException e) {
            throw new KeysUnavailable("routine-service could not be asked for a key: " + e.getMessage(), e);
        }
        if (key != null) {
            keys.put(key.keyId(), key);
            byAthlete.put(key.athlete(), key);
        }
        return key;
    }

    /** Forgets the keys of an erased athlete, which routine-service has destroyed too. */
    public void forget(TenantKey athlete) {
        keys.asMap().values().removeIf(key -> key.athlete().equals(athlete));
        byAthlete.invalidate(athlete);
    }

    /** Keys cannot be fetched now; like an unavailable database, it passes. */
    public static final class KeysUnavailable extends RuntimeException {

        KeysUnavailable(String message, Throwable cause) {
            super(message, new IOException(message, cause));
        }
    }
}
