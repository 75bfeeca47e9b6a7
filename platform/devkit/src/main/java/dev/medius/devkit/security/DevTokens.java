package dev.medius.devkit.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import java.util.List;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Signs bearer tokens with the development key pair, for tests and local runs. Services started by
 * the devkit trust {@link #publicKeyPem()} and {@link #ISSUER}; nothing in production does.
 */
public final class DevTokens {

    /** The {@code iss} of every development token. */
    public static final String ISSUER = "https://medius.dev/dev-issuer";
    private static final String PRIVATE_KEY = "/dev/medius/devkit/dev-private-key.pem";
    private static final String PUBLIC_KEY = "/dev/medius/devkit/dev-public-key.pem";
    private static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);

    private DevTokens() {
    }

    /** A token for {@code subject} with the given roles in {@code tenant}, valid for twelve hours. */
    public static String mint(String subject, String tenant, String... groups) {
        return mint(subject, tenant, Set.of(groups), DEFAULT_LIFETIME);
    }

    /** A token with an explicit lifetime; a negative lifetime gives a token that has already expired. */
    public static String mint(String subject, String tenant, Set<String> groups, Duration lifetime) {
        return mint(ISSUER, subject, tenant, groups, lifetime);
    }

    /** A correctly signed token from another issuer, for tests that the issuer is checked too. */
    public static String mintFromIssuer(String issuer, String subject, String tenant, String... groups) {
        return mint(issuer, subject, tenant, Set.of(groups), DEFAULT_LIFETIME);
    }

    private static String mint(String issuer, String subject, String tenant, Set<String> groups, Duration lifetime) {
        Instant now = Instant.now();
        Instant expiry = now.plus(lifetime);
        Instant issuedAt = lifetime.isNegative() ? expiry.minusSeconds(60) : now;
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setStringListClaim("groups", List.copyOf(groups));
        claims.setClaim("tenant", tenant);
        claims.setGeneratedJwtId();
        claims.setIssuedAt(NumericDate.fromMilliseconds(issuedAt.toEpochMilli()));
        claims.setExpirationTime(NumericDate.fromMilliseconds(expiry.toEpochMilli()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(privateKey());
        jws.setKeyIdHeaderValue("medius-dev");
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign development token", e);
        }
    }

    /** The public key services verify development tokens with, as PEM text. */
    public static String publicKeyPem() {
        return resource(PUBLIC_KEY);
    }

    static PrivateKey privateKey() {
        String pem = resource(PRIVATE_KEY)
                .replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (Exception e) {
            throw new IllegalStateException("development private key unreadable", e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = DevTokens.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
