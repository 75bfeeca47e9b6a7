package dev.medius.routine.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.medius.devkit.security.ApiSurface;
import dev.medius.devkit.security.DevTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Nothing of routine-service but health answers without a token, and expired, forged, unsigned or
 * tampered tokens get 401 problem details.
 */
@QuarkusTest
class PublicSurfaceIT {

    @TestHTTPResource("/")
    URI root;

    @Test
    void onlyHealthAnswersWithoutAValidToken() {
        assertThat(new ApiSurface(root).exposure(DevTokens.mint("ops", "club-surface", "admin"),
                List.of("/api/v1/me", "/api/v1/templates", "/q/metrics"))).isEmpty();
    }
}
