package dev.medius.kubernetes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.medius.kubernetes.Manifests.Manifest;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ConfigMapVolumeSourceBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecretVolumeSource;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * What podman 4.3's {@code kube play} needs to run rendered Deployments on this machine's own network, and no more:
 * the workloads, their probes, security context, resources and environment stay as rendered.
 * <ul>
 * <li>On the host's network there are no port mappings: each container listens on a port of its own
 * ({@code QUARKUS_HTTP_PORT}), and probes name that port by number instead of by its name.</li>
 * <li>podman takes Secrets from its own store, each a JSON object of base64 values; it cannot mount one as a
 * volume, so a Secret a pod mounts is given as a ConfigMap of the same name and items.</li>
 * <li>The ConfigMaps' per-environment settings (database, broker, token issuer, catalog-service's address) are this
 * machine's, as each environment supplies its own (docs/operations.md, "Set per environment").</li>
 * </ul>
 */
final class PodmanPlay {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The documents to play, in order, and the Secrets podman must hold first, by name. */
    record Played(List<Object> documents, Map<String, String> podmanSecrets) {
    }

    private PodmanPlay() {
    }

    /**
     * @param services the services to play, with the host port each listens on
     * @param settings per service, the settings that replace (or, when absent, are added to) its ConfigMap's
     *        application.properties; a value of {@code null} removes the setting
     * @param secretValue the value of each Secret's key: (secret name, key) to text
     */
    static Played of(List<Manifest> rendered, Map<String, Integer> services, Map<String, Map<String, String>> settings,
            java.util.function.BiFunction<String, String, String> secretValue) {
        Map<String, Deployment> deployments = rendered.stream().filter(m -> m.object() instanceof Deployment)
                .map(m -> m.as(Deployment.class)).filter(d -> services.containsKey(d.getMetadata().getName()))
                .collect(Collectors.toMap(d -> d.getMetadata().getName(), Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<String, ConfigMap> configMaps = rendered.stream().filter(m -> m.object() instanceof ConfigMap)
                .map(m -> m.as(ConfigMap.class))
                .collect(Collectors.toMap(c -> c.getMetadata().getName(), Function.identity()));

        List<Object> documents = new ArrayList<>();
        Map<String, Map<String, String>> secrets = new TreeMap<>();
        for (Deployment deployment : deployments.values()) {
            String name = deployment.getMetadata().getName();
            int port = services.get(name);
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            pod.setHostNetwork(true);
            for (Volume volume : pod.getVolumes()) {
                if (volume.getConfigMap() != null) {
                    ConfigMap configMap = configMaps.get(volume.getConfigMap().getName());
                    documents.add(withSettings(configMap, settings.getOrDefault(name, Map.of())));
                }
                SecretVolumeSource secret = volume.getSecret();
                if (secret != null) {
                    Map<String, String> data = new LinkedHashMap<>();
                    secret.getItems().forEach(item -> data.put(item.getKey(), secretValue.apply(secret.getSecretName(), item.getKey())));
                    documents.add(new ConfigMapBuilder().withNewMetadata().withName(secret.getSecretName()).endMetadata()
                            .withData(data).build());
                    volume.setConfigMap(new ConfigMapVolumeSourceBuilder().withName(secret.getSecretName())
                            .withItems(secret.getItems()).withDefaultMode(0444).build());
                    volume.setSecret(null);
                }
            }
            for (Container container : pod.getContainers()) {
                container.setPorts(null);
                container.getEnv().add(new EnvVar("QUARKUS_HTTP_PORT", Integer.toString(port), null));
                for (Probe probe : List.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe())) {
                    probe.getHttpGet().setPort(new IntOrString(port));
                }
                for (EnvVar env : container.getEnv()) {
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                        var reference = env.getValueFrom().getSecretKeyRef();
                        secrets.computeIfAbsent(reference.getName(), key -> new TreeMap<>()).put(reference.getKey(),
                                secretValue.apply(reference.getName(), reference.getKey()));
                    }
                }
            }
            documents.add(deployment);
        }
        Map<String, String> podmanSecrets = new TreeMap<>();
        secrets.forEach((name, data) -> podmanSecrets.put(name, asPodmanSecret(data)));
        return new Played(documents, podmanSecrets);
    }

    /** The port a probe of the played container asks, by number. */
    static int port(Probe probe) {
        return probe.getHttpGet().getPort().getIntVal();
    }

    private static ConfigMap withSettings(ConfigMap configMap, Map<String, String> settings) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String line : configMap.getData().get("application.properties").split("\n")) {
            int equals = line.indexOf('=');
            if (!line.isBlank() && !line.startsWith("#") && equals > 0) {
                properties.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
            }
        }
        settings.forEach((key, value) -> {
            if (value == null) {
                properties.remove(key);
            } else {
                properties.put(key, value);
            }
        });
        String text = properties.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
        return new ConfigMapBuilder(configMap).withData(Map.of("application.properties", text)).build();
    }

    private static String asPodmanSecret(Map<String, String> data) {
        Map<String, String> encoded = new TreeMap<>();
        data.forEach((key, value) -> encoded.put(key,
                Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        try {
            return JSON.writeValueAsString(encoded);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
