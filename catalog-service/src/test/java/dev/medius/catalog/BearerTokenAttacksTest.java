package dev.medius.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.medius.devkit.security.ApiSurface;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Expired, foreign-signed, unsigned (alg none), other-issuer and tampered (tenant, roles) tokens get
 * 401 with problem details, where a valid token is answered.
 */
@QuarkusTest
class BearerTokenAttacksTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    void forgedExpiredOrTamperedTokensAreUnauthorized() {
        assertThat(new ApiSurface(root).attacksRefused(List.of("/api/v1/me", "/api/v1/exercises", "/api/v1/muscles",
                "/q/metrics"), CatalogFixtures.admin("club-attacks"))).isEmpty();
    }
}
