package dev.medius.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.medius.devkit.security.DevTokens;
import io.quarkus.test.junit.QuarkusTest;

/** Forged, expired or tampered tokens get 401 with problem details, on reads and on writes. */
@QuarkusTest
class BearerTokenAttacksTest {

    private static final List<String> PATHS = List.of("/api/v1/me", "/api/v1/exercises", "/api/v1/muscles");

    @Test
    void validTokenIsAccepted() {
        for (String path : PATHS) {
            given().auth().oauth2(DevTokens.mint("reader-1", "club-attacks", "athlete"))
                    .when().get(path).then().statusCode(200);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"expired", "wrong-issuer", "foreign-key", "alg-none", "tampered-tenant", "garbage", "empty"})
    void forgedExpiredOrTamperedTokenIsUnauthorized(String attack) throws Exception {
        String token = switch (attack) {
            case "expired" -> DevTokens.mint("reader-1", "club-attacks", Set.of("admin"), Duration.ofMinutes(-10));
            case "wrong-issuer" -> signed(claims("https://issuer.example.org"), devKeyLessForgery());
            case "foreign-key" -> signed(claims(DevTokens.ISSUER), devKeyLessForgery());
            case "alg-none" -> unsigned(claims(DevTokens.ISSUER));
            case "tampered-tenant" -> withTenant(DevTokens.mint("reader-1", "club-attacks", "admin"), "club-victim");
            case "garbage" -> "not.a.jwt";
            default -> "";
        };
        for (String path : PATHS) {
            given().header("Authorization", "Bearer " + token)
                    .when().get(path)
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("status", equalTo(401))
                    .body(not(containsString("Exception")));
        }
    }

    @Test
    void tokenSignedWithTheRightKeyButFromAnotherIssuerIsUnauthorized() {
        // the issuer is checked, not only the signature
        given().auth().oauth2(DevTokens.mintFromIssuer("https://issuer.example.org", "intruder", "club-attacks", "admin"))
                .when().get("/api/v1/me").then().statusCode(401);
    }

    private static JwtClaims claims(String issuer) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject("intruder");
        claims.setStringListClaim("groups", List.of("admin"));
        claims.setClaim("tenant", "club-victim");
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromMilliseconds(System.currentTimeMillis() + 3_600_000));
        return claims;
    }

    private static PrivateKey devKeyLessForgery() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        return pair.getPrivate();
    }

    private static String signed(JwtClaims claims, PrivateKey key) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue("medius-dev");
        return jws.getCompactSerialization();
    }

    private static String unsigned(JwtClaims claims) {
        return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(claims.toJson()) + ".";
    }

    private static String withTenant(String token, String tenant) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"tenant\":\"club-attacks\"", "\"tenant\":\"" + tenant + "\"");
        return parts[0] + "." + encode(payload) + "." + parts[2];
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
