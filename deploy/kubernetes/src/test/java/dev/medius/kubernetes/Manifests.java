package dev.medius.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.kustomize.v1beta1.Kustomization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/** Reads the Kubernetes manifests into typed objects; unknown kinds and unknown fields are errors. */
final class Manifests {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    static final Map<String, Class<?>> KINDS = Map.ofEntries(
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaUser", KafkaUser.class),
            Map.entry("postgresql.cnpg.io/v1/Cluster", OperatorResources.Cluster.class),
            Map.entry("postgresql.cnpg.io/v1/Database", OperatorResources.Database.class),
            Map.entry("postgresql.cnpg.io/v1/ScheduledBackup", OperatorResources.ScheduledBackup.class),
            Map.entry("keda.sh/v1alpha1/ScaledObject", OperatorResources.ScaledObject.class),
            Map.entry("keda.sh/v1alpha1/TriggerAuthentication", OperatorResources.TriggerAuthentication.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", OperatorResources.PrometheusRule.class));

    /** One parsed document: where it came from, its kind and name, and the typed object. */
    record Manifest(Path file, String apiVersion, String kind, String name, Object object) {

        String id() {
            return kind + "/" + name;
        }

        <T> T as(Class<T> type) {
            return type.cast(object);
        }
    }

    private Manifests() {
    }

    static List<Manifest> read(Path file) {
        List<Manifest> manifests = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
            for (JsonNode document : YAML.readValues(parser, JsonNode.class).readAll()) {
                if (document == null || document.isNull() || document.isEmpty()) {
                    continue;
                }
                manifests.add(typed(file, (ObjectNode) document));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        return manifests;
    }

    static Manifest typed(Path file, ObjectNode document) {
        String apiVersion = document.path("apiVersion").asText();
        String kind = document.path("kind").asText();
        Class<?> type = KINDS.get(apiVersion + "/" + kind);
        if (type == null) {
            throw new AssertionError(file + ": unknown kind " + apiVersion + "/" + kind);
        }
        Object object;
        try {
            object = YAML.treeToValue(document, type);
        } catch (IOException e) {
            throw new AssertionError(file + ": " + kind + " does not parse: " + e.getMessage(), e);
        }
        List<String> unknown = new ArrayList<>();
        collectUnknownFields(object, kind, unknown, new IdentityHashMap<>());
        if (!unknown.isEmpty()) {
            throw new AssertionError(file + ": unknown fields " + unknown);
        }
        return new Manifest(file, apiVersion, kind, document.path("metadata").path("name").asText(), object);
    }

    /** fabric8 and Strimzi models keep unknown fields aside instead of failing; find any. */
    @SuppressWarnings("unchecked")
    private static void collectUnknownFields(Object value, String path, List<String> unknown,
            IdentityHashMap<Object, Boolean> seen) {
        if (value == null || seen.containsKey(value) || value instanceof String || value instanceof Number
                || value instanceof Boolean || value instanceof Enum<?>) {
            return;
        }
        seen.put(value, true);
        if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object item : collection) {
                collectUnknownFields(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> collectUnknownFields(item, path + "." + key, unknown, seen));
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8") && !pkg.startsWith("io.strimzi") && !pkg.startsWith("dev.medius")) {
            return;
        }
        for (Method method : value.getClass().getMethods()) {
            if (method.getParameterCount() != 0 || method.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = method.getName();
            try {
                if (name.equals("getAdditionalProperties")) {
                    Map<String, Object> extra = (Map<String, Object>) method.invoke(value);
                    if (extra != null && !extra.isEmpty()) {
                        unknown.add(path + ": " + extra.keySet());
                    }
                } else if ((name.startsWith("get") && name.length() > 3) || value.getClass().isRecord()
                        && !name.equals("hashCode") && !name.equals("toString") && !name.equals("getClass")) {
                    collectUnknownFields(method.invoke(value), path + "." + name, unknown, seen);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // a computed getter that needs state the model does not have: not a field
            }
        }
    }

    static Kustomization kustomization(Path dir) {
        try {
            return YAML.readValue(dir.resolve("kustomization.yaml").toFile(), Kustomization.class);
        } catch (IOException e) {
            throw new AssertionError(dir + "/kustomization.yaml does not parse: " + e.getMessage(), e);
        }
    }

    static List<Path> yamlFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".yaml") && !f.getFileName().toString().equals("kustomization.yaml"))
                    .sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> ids(Collection<Manifest> manifests) {
        return manifests.stream().map(Manifest::id).collect(Collectors.toSet());
    }
}
