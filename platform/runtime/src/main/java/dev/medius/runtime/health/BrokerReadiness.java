package dev.medius.runtime.health;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.medius.runtime.config.ServiceIdentity;
import io.smallrye.common.annotation.Identifier;

/**
 * Readiness of the Kafka broker, answered within a few seconds either way. Quarkus' own Kafka check
 * waits as long as its admin client's API timeout (a minute) when the broker is gone, so a readiness
 * request hung instead of answering DOWN. This check asks the cluster with a short timeout, using
 * the same {@code kafka.*} connection settings (TLS, SASL) as the services' channels, and keeps the
 * name of the check it replaces so that what watches readiness reports sees no change.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Map<String, Object> kafkaConfig;
    private final String clientId;
    private volatile Admin admin;

    @Inject
    public BrokerReadiness(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, ServiceIdentity service) {
        this(kafkaConfig, service.name());
    }

    BrokerReadiness(Map<String, Object> kafkaConfig, String application) {
        this.kafkaConfig = kafkaConfig;
        this.clientId = application + "-readiness";
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Kafka connection health check");
        try {
            String nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
                    .nodes().get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS).stream()
                    .map(node -> node.host() + ":" + node.port()).collect(Collectors.joining(","));
            return response.up().withData("nodes", nodes).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("reason", "interrupted").build();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            return response.down().withData("reason", String.valueOf(cause.getMessage())).build();
        }
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    Map<String, Object> config = new HashMap<>();
                    kafkaConfig.forEach((key, value) -> {
                        if (AdminClientConfig.configNames().contains(key)) {
                            config.put(key, value);
                        }
                    });
                    config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
                    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
                    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
                    admin = Admin.create(config);
                }
            }
        }
        return admin;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
