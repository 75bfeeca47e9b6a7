package dev.medius.devkit.kafka;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.keys.AesKey;
import org.jose4j.lang.JoseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a record's data sealed with its athlete's key (docs/events.md, "Sealed data") as an integration would: the
 * JWE names its key, which the caller fetches from routine-service.
 */
public final class SealedRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SealedRecords() {
    }

    /**
     * The data of a sealed record value, opened with the key {@code keys} gives for the JWE's key id; empty when it
     * gives none (the key was destroyed). Fails when the value is not sealed at all.
     */
    public static Optional<String> open(String value, Function<String, byte[]> keys) {
        try {
            JsonNode data = JSON.readTree(value);
            if (data == null || !data.path("sealed").isTextual()) {
                throw new IllegalArgumentException("the record's data is not sealed");
            }
            JsonWebEncryption jwe = new JsonWebEncryption();
            jwe.setAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT,
                    KeyManagementAlgorithmIdentifiers.DIRECT));
            jwe.setContentEncryptionAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT,
                    ContentEncryptionAlgorithmIdentifiers.AES_256_GCM));
            jwe.setCompactSerialization(data.path("sealed").asText());
            byte[] key = keys.apply(jwe.getKeyIdHeaderValue());
            if (key == null) {
                return Optional.empty();
            }
            jwe.setKey(new AesKey(key));
            return Optional.of(jwe.getPayload());
        } catch (IOException | JoseException e) {
            throw new IllegalArgumentException("the record's data cannot be read: " + e.getMessage(), e);
        }
    }
}
