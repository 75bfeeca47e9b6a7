package dev.medius.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.medius.devkit.security.ApiSurface;
import dev.medius.runtime.security.VerifiedTokens;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Expired, foreign-signed, unsigned (alg none), other-issuer and tampered (tenant, roles) tokens get
 * 401 with problem details, where a valid token is answered.
 */
@QuarkusTest
class BearerTokenAttacksIT {

    @TestHTTPResource("/")
    URI root;

    @Inject
    JWTParser parser;

    @Test
    void forgedExpiredOrTamperedTokensAreUnauthorized() {
        assertThat(new ApiSurface(root).attacksRefused(List.of("/api/v1/me", "/api/v1/exercises", "/api/v1/muscles",
                "/q/metrics"), CatalogFixtures.admin("club-attacks"))).isEmpty();
    }

    @Test
    void tokensAreCheckedByTheParserThatKeepsVerifiedOnes() {
        // the attacks above run against it: a kept valid token does not let an altered copy through
        assertThat(parser).isInstanceOf(VerifiedTokens.class);
    }
}
