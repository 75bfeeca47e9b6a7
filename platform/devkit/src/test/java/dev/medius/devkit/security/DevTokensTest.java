package dev.medius.devkit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

class DevTokensTest {

    @Test
    void tokenCarriesSubjectGroupsTenantAndVerifiesWithThePublicKey() throws Exception {
        String token = DevTokens.mint("coach-ana", "club-norte", "coach");

        JwtClaims claims = verifier().processToClaims(token);

        assertThat(claims.getSubject()).isEqualTo("coach-ana");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("coach");
        assertThat(claims.getStringClaimValue("tenant")).isEqualTo("club-norte");
        assertThat(claims.getIssuer()).isEqualTo(DevTokens.ISSUER);
        assertThat(claims.getExpirationTime().getValueInMillis()).isGreaterThan(System.currentTimeMillis());
    }

    @Test
    void expiredTokenIsRejected() {
        String token = DevTokens.mint("athlete-1", "club-norte", Set.of("athlete"), Duration.ofMinutes(-5));

        assertThatThrownBy(() -> verifier().processToClaims(token)).isInstanceOf(InvalidJwtException.class);
    }

    private static JwtConsumer verifier() throws Exception {
        String pem = DevTokens.publicKeyPem()
                .replace("-----BEGIN PUBLIC KEY-----", "")
                .replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        return new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setExpectedIssuer(DevTokens.ISSUER)
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(0)
                .build();
    }
}
