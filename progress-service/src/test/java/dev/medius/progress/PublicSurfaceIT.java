package dev.medius.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.medius.devkit.security.ApiSurface;
import dev.medius.devkit.security.AttackTokens;
import dev.medius.devkit.security.DevTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Nothing of progress-service but health and the dashboard's static files answers without a token,
 * and expired, forged, unsigned or tampered tokens get 401 problem details, on the stream too.
 */
@QuarkusTest
class PublicSurfaceIT {

    @TestHTTPResource("/")
    URI root;

    private final String admin = DevTokens.mint("ops", "club-surface", "admin");

    @Test
    void onlyHealthAndTheDashboardPageAnswerWithoutAValidToken() {
        assertThat(new ApiSurface(root).exposure(admin, List.of("/api/v1/me", "/api/v1/dashboard", "/q/metrics")))
                .isEmpty();
    }

    @Test
    void theDashboardPageAndItsChartingLibraryArePublic() {
        ApiSurface api = new ApiSurface(root);
        for (String path : List.of("/dashboard/", "/dashboard/dashboard.js", "/webjars/echarts/5.3.1/dist/echarts.min.js")) {
            assertThat(api.call("GET", path, null, null, Map.of(), false).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void forgedTokensInTheStreamsQueryParameterAreUnauthorized() {
        ApiSurface api = new ApiSurface(root);
        AttackTokens.all("intruder", "club-victim").forEach((attack, token) -> {
            ApiSurface.Answer answer = api.call("GET", "/api/v1/dashboard/stream?access_token=" + token, null, null,
                    Map.of(), true);
            assertThat(answer.status()).as(attack).isEqualTo(401);
            assertThat(answer.isProblem()).as(attack).isTrue();
        });
    }
}
