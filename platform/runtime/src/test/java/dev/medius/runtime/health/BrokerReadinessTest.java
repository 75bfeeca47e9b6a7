package dev.medius.runtime.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class BrokerReadinessTest {

    @Test
    void aMissingBrokerIsReportedDownWithinSeconds() throws IOException {
        BrokerReadiness readiness = new BrokerReadiness(Map.of("bootstrap.servers", "127.0.0.1:" + unusedPort()),
                "runtime-test");
        try {
            long started = System.nanoTime();
            HealthCheckResponse response = readiness.call();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(response.getName()).isEqualTo("Kafka connection health check");
            assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(response.getData()).hasValueSatisfying(data -> assertThat(data).containsKey("reason"));
            assertThat(took).isLessThan(BrokerReadiness.TIMEOUT.plusSeconds(2));
        } finally {
            readiness.close();
        }
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}
