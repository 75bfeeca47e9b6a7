package dev.medius.devkit.security;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Bearer tokens an attacker could send: each must be refused with 401 by every Medius service. The
 * forged ones claim the admin role in {@code tenant}, so that a service that let one through would
 * show it plainly.
 */
public final class AttackTokens {

    /** Issuer of the tokens that look right but come from somewhere else. */
    public static final String FOREIGN_ISSUER = "https://issuer.example.org";

    private AttackTokens() {
    }

    /** Every attack by name, for {@code subject} claiming {@code tenant}. */
    public static Map<String, String> all(String subject, String tenant) {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("expired", DevTokens.mint(subject, tenant, Set.of("admin"), Duration.ofMinutes(-10)));
        tokens.put("wrong-issuer-foreign-key", signed(claims(FOREIGN_ISSUER, subject, tenant), foreignKey()));
        tokens.put("wrong-issuer-dev-key", DevTokens.mintFromIssuer(FOREIGN_ISSUER, subject, tenant, "admin"));
        tokens.put("bad-signature", signed(claims(DevTokens.ISSUER, subject, tenant), foreignKey()));
        tokens.put("alg-none", unsigned(claims(DevTokens.ISSUER, subject, tenant)));
        tokens.put("tampered-tenant", withTenant(DevTokens.mint(subject, tenant + "-own", "admin"), tenant));
        tokens.put("tampered-role", withRoles(DevTokens.mint(subject, tenant, "athlete"), "admin"));
        tokens.put("garbage", "not.a.jwt");
        tokens.put("empty", "");
        return tokens;
    }

    private static JwtClaims claims(String issuer, String subject, String tenant) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(subject);
        claims.setStringListClaim("groups", List.of("admin"));
        claims.setClaim("tenant", tenant);
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromMilliseconds(System.currentTimeMillis() + 3_600_000));
        return claims;
    }

    /** A key nobody trusts, under the development key's id. */
    private static PrivateKey foreignKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signed(JwtClaims claims, PrivateKey key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue("medius-dev");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsigned(JwtClaims claims) {
        return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(claims.toJson()) + ".";
    }

    /** The signature of a real token over a payload whose tenant was changed afterwards. */
    private static String withTenant(String token, String tenant) {
        return rewritePayload(token, payload -> payload.replaceFirst("\"tenant\":\"[^\"]*\"", "\"tenant\":\"" + tenant + "\""));
    }

    private static String withRoles(String token, String role) {
        return rewritePayload(token, payload -> payload.replaceFirst("\"groups\":\\[[^\\]]*\\]", "\"groups\":[\"" + role + "\"]"));
    }

    private static String rewritePayload(String token, java.util.function.UnaryOperator<String> change) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String changed = change.apply(payload);
        if (changed.equals(payload)) {
            throw new IllegalStateException("the claim to tamper with is not in the token");
        }
        return parts[0] + "." + encode(changed) + "." + parts[2];
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
