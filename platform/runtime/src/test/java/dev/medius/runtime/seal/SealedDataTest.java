package dev.medius.runtime.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class SealedDataTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static byte[] key() {
        byte[] key = new byte[SealedData.KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    @Test
    void sealedDataOpensWithItsKeyAndShowsNothingWithout() {
        byte[] key = key();
        String json = "{\"athleteId\":\"athlete-lucia\",\"notes\":\"Knee ached on the stairs\",\"pain\":{\"score\":7}}";
        String sealed = SealedData.seal("key-1", key, json);
        assertThat(sealed).doesNotContain("athlete-lucia").doesNotContain("Knee").doesNotContain("score");
        assertThat(SealedData.keyId(sealed)).isEqualTo("key-1");
        assertThat(SealedData.open(sealed, key)).isEqualTo(json);
        // the same data sealed twice differs: nothing about it shows by comparison
        assertThat(SealedData.seal("key-1", key, json)).isNotEqualTo(sealed);
        assertThatThrownBy(() -> SealedData.open(sealed, key())).isInstanceOf(IllegalArgumentException.class);
        String tampered = sealed.substring(0, sealed.length() - 3) + (sealed.endsWith("AAA") ? "BBB" : "AAA");
        assertThatThrownBy(() -> SealedData.open(tampered, key)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void somethingElseIsNotSealedData() {
        assertThat(SealedData.keyId("not a jwe")).isNull();
        assertThat(SealedData.keyId("")).isNull();
    }
}
