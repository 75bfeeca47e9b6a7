package dev.medius.runtime.seal;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.keys.AesKey;
import org.jose4j.lang.JoseException;

/**
 * Event data sealed with an athlete's own key (crypto-shredding): the data is kept in the topics as a JWE in compact
 * serialisation (direct AES-256-GCM, the key named by {@code kid}), so that destroying the key on the athlete's
 * erasure leaves nothing readable in the topics, whatever they retain. Any JOSE library opens it with the key.
 */
public final class SealedData {

    /** The one member of a sealed event's data: {@code {"sealed": "<JWE>"}}. */
    public static final String MEMBER = "sealed";
    /** AES-256: the key's length in bytes. */
    public static final int KEY_BYTES = 32;

    private SealedData() {
    }

    /** The data's JSON sealed with the key. */
    public static String seal(String keyId, byte[] key, String json) {
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setAlgorithmHeaderValue(KeyManagementAlgorithmIdentifiers.DIRECT);
        jwe.setEncryptionMethodHeaderParameter(ContentEncryptionAlgorithmIdentifiers.AES_256_GCM);
        jwe.setKeyIdHeaderValue(keyId);
        jwe.setContentTypeHeaderValue("application/json");
        jwe.setKey(new AesKey(key));
        jwe.setPayload(json);
        try {
            return jwe.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("event data could not be sealed: " + e.getMessage(), e);
        }
    }

    /** The key a sealed value names; null when the value is not one this service seals. */
    public static String keyId(String sealed) {
        try {
            return reader(sealed).getKeyIdHeaderValue();
        } catch (JoseException | RuntimeException e) {
            return null;
        }
    }

    /** The data's JSON; an exception names why it cannot be opened with this key. */
    public static String open(String sealed, byte[] key) {
        try {
            JsonWebEncryption jwe = reader(sealed);
            jwe.setKey(new AesKey(key));
            return jwe.getPayload();
        } catch (JoseException e) {
            throw new IllegalArgumentException("sealed data cannot be opened with its key: " + e.getMessage(), e);
        }
    }

    private static JsonWebEncryption reader(String sealed) throws JoseException {
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT,
                KeyManagementAlgorithmIdentifiers.DIRECT));
        jwe.setContentEncryptionAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT,
                ContentEncryptionAlgorithmIdentifiers.AES_256_GCM));
        jwe.setCompactSerialization(sealed);
        return jwe;
    }
}
