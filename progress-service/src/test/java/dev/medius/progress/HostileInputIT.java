package dev.medius.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

import dev.medius.devkit.fuzz.FuzzProbe;
import dev.medius.devkit.security.ApiSurface;
import dev.medius.devkit.security.DevTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Properties over generated hostile input for every progress-service endpoint that takes a query
 * parameter or an id: never a 5xx, always problem details showing nothing of the inside of the
 * service; bodies over the configured maximum (1M) get 413.
 */
@QuarkusTest
class HostileInputIT {

    private static final int TRIES = 30;

    @TestHTTPResource("/")
    URI root;

    private final String tenant = "club-fuzz-" + RoutineEvents.uuid();

    private FuzzProbe probe(String token) {
        return new FuzzProbe(new ApiSurface(root), token);
    }

    @Test
    void idsAndQueryParametersNeverBreakTheService() {
        FuzzProbe admin = probe(DevTokens.mint("root", tenant, "admin"))
                .paths("GET", value -> "/api/v1/dashboard?coach=" + value, TRIES)
                .paths("GET", value -> "/api/v1/athletes/" + value + "/progress", TRIES)
                .paths("GET", value -> "/api/v1/athletes/someone/progress?weeks=" + value, TRIES);
        FuzzProbe coach = probe(DevTokens.mint("coach", tenant, "coach"))
                .paths("GET", value -> "/api/v1/dashboard?coach=" + value, TRIES)
                .paths("GET", value -> "/api/v1/athletes/" + value + "/progress?weeks=4", TRIES);
        // without a valid token the stream answers at once, so its parameters can be fuzzed too
        FuzzProbe stream = probe(null)
                .paths("GET", value -> "/api/v1/dashboard/stream?access_token=" + value + "&coach=" + value, TRIES);
        assertThat(admin.failures()).isEmpty();
        assertThat(coach.failures()).isEmpty();
        assertThat(stream.failures()).isEmpty();
    }

    @Test
    void bodiesOverTheConfiguredMaximumGet413() {
        FuzzProbe probe = probe(DevTokens.mint("root", tenant, "platform-operator"))
                .oversized("POST", "/api/v1/admin/rebuild", 1024 * 1024 + 1);
        assertThat(probe.failures()).isEmpty();
    }
}
