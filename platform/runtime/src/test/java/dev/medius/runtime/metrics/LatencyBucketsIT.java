package dev.medius.runtime.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.medius.devkit.security.DevTokens;
import dev.medius.runtime.metrics.ScrapedMetrics.Sample;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LatencyBucketsIT {

    @Test
    void requestsAreCountedInLatencyBucketsAPercentileCanBeComputedFrom() {
        given().auth().oauth2(DevTokens.mint("coach-ana", "org-riverside", "coach"))
                .when().get("/api/v1/me")
                .then().statusCode(200);

        Map<String, String> me = Map.of("method", "GET", "status", "200", "uri", "/api/v1/me");
        List<Sample> buckets = ScrapedMetrics.samples("http_server_requests_seconds_bucket", me);
        double count = ScrapedMetrics.samples("http_server_requests_seconds_count", me).get(0).value();

        assertThat(buckets).extracting(bucket -> bucket.labels().get("le")).map(LatencyBucketsIT::bound)
                .containsExactly(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
                        Double.POSITIVE_INFINITY);
        assertThat(buckets.get(buckets.size() - 1).value()).isEqualTo(count).isGreaterThanOrEqualTo(1);
        assertThat(buckets).extracting(Sample::value).isSorted();
    }

    private static double bound(String le) {
        return "+Inf".equals(le) ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
    }
}
