package dev.medius.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.events.Topics;
import dev.medius.kubernetes.Manifests.Manifest;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.kustomize.v1beta1.Kustomization;
import io.fabric8.kubernetes.api.model.kustomize.v1beta1.Patch;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;

/**
 * The Kubernetes manifests are code: this reads every one of them as typed objects and checks that
 * they fit together the way a platform team would check them before applying.
 */
class ManifestsTest {

    static final Path MODULE = Paths.get("").toAbsolutePath();
    static final Path ROOT = MODULE.resolve("../..").normalize();
    static final Path BASE = MODULE.resolve("base");
    static final List<String> SERVICES = List.of("catalog-service", "routine-service", "progress-service");

    static List<Manifest> base;
    static final Map<String, List<Manifest>> RENDERED = new HashMap<>();
    static String operationsDoc;

    @BeforeAll
    static void readBase() throws IOException {
        base = new ArrayList<>();
        Kustomization kustomization = Manifests.kustomization(BASE);
        for (String resource : kustomization.getResources()) {
            base.addAll(Manifests.read(BASE.resolve(resource)));
        }
        operationsDoc = Files.readString(ROOT.resolve("docs/operations.md"));
    }

    @Test
    void everyManifestFileParsesIntoTypedObjects() {
        List<Path> files = Manifests.yamlFiles(MODULE.resolve("base"));
        files.addAll(Manifests.yamlFiles(MODULE.resolve("overlays")));
        files.addAll(Manifests.yamlFiles(MODULE.resolve("components")));
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertThat(Manifests.read(file)).as(file.toString()).isNotEmpty();
        }
        Set<String> listed = Manifests.kustomization(BASE).getResources().stream().collect(Collectors.toSet());
        assertThat(Manifests.yamlFiles(BASE).stream().map(f -> f.getFileName().toString()))
                .as("every base file is a resource of the base").allMatch(listed::contains);
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasTheWholeSetOfObjects(String overlay) {
        List<Manifest> manifests = rendered(overlay);
        Set<String> ids = Manifests.ids(manifests);
        for (String service : SERVICES) {
            assertThat(ids).contains("ServiceAccount/" + service, "ConfigMap/" + service + "-config",
                    "Deployment/" + service, "Service/" + service, "PodDisruptionBudget/" + service,
                    "NetworkPolicy/" + service);
            // scaled by CPU, or in prod progress-service by consumer lag (KEDA), never both
            assertThat(ids).as(overlay + " scaler of " + service).containsAnyOf("HorizontalPodAutoscaler/" + service,
                    "ScaledObject/" + service);
            assertThat(ids.contains("HorizontalPodAutoscaler/" + service) && ids.contains("ScaledObject/" + service))
                    .as(overlay + ": one scaler for " + service).isFalse();
        }
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerHasProbesResourcesAndALockedDownSecurityContext(String overlay) {
        List<Manifest> manifests = rendered(overlay);
        for (Deployment deployment : all(manifests, Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(deployment.getMetadata().getName()).isTrue();
            for (Container container : pod.getContainers()) {
                String name = deployment.getMetadata().getName() + "/" + container.getName();
                assertProbe(name + " startup", container.getStartupProbe(), "/q/health/started");
                assertProbe(name + " liveness", container.getLivenessProbe(), "/q/health/live");
                assertProbe(name + " readiness", container.getReadinessProbe(), "/q/health/ready");
                assertThat(container.getResources().getRequests()).as(name + " requests").containsKeys("cpu", "memory");
                assertThat(container.getResources().getLimits()).as(name + " limits").containsKeys("cpu", "memory");
                var security = container.getSecurityContext();
                assertThat(security.getReadOnlyRootFilesystem()).as(name + " read-only root").isTrue();
                assertThat(security.getAllowPrivilegeEscalation()).as(name + " privilege escalation").isFalse();
                assertThat(security.getRunAsNonRoot()).as(name + " non-root").isTrue();
                assertThat(security.getCapabilities().getDrop()).as(name + " capabilities").containsExactly("ALL");
                assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                        .as(name + " scraped by Prometheus").containsEntry("prometheus.io/scrape", "true")
                        .containsEntry("prometheus.io/path", "/q/metrics");
            }
        }
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void serviceSelectorsMatchPodLabels(String overlay) {
        List<Manifest> manifests = rendered(overlay);
        for (Service service : all(manifests, Service.class)) {
            Map<String, String> selector = service.getSpec().getSelector();
            assertThat(selector).as(service.getMetadata().getName()).isNotEmpty();
            assertThat(podLabelSets(manifests)).as(service.getMetadata().getName() + " selects pods")
                    .anyMatch(labels -> labels.entrySet().containsAll(selector.entrySet()));
            Set<String> containerPorts = all(manifests, Deployment.class).stream()
                    .filter(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                    .flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().stream())
                    .flatMap(c -> c.getPorts().stream()).map(p -> p.getName()).collect(Collectors.toSet());
            service.getSpec().getPorts().forEach(port -> assertThat(containerPorts)
                    .as(service.getMetadata().getName() + " target port").contains(port.getTargetPort().getStrVal()));
        }
        for (HorizontalPodAutoscaler hpa : all(manifests, HorizontalPodAutoscaler.class)) {
            assertThat(Manifests.ids(manifests)).contains("Deployment/" + hpa.getSpec().getScaleTargetRef().getName());
        }
        for (PodDisruptionBudget pdb : all(manifests, PodDisruptionBudget.class)) {
            assertThat(podLabelSets(manifests)).anyMatch(labels -> selects(pdb.getSpec().getSelector(), labels));
        }
        for (Ingress ingress : all(manifests, Ingress.class)) {
            ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path -> assertThat(
                    Manifests.ids(manifests)).contains("Service/" + path.getBackend().getService().getName())));
        }
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyConfigMapAndSecretAPodUsesIsDeclaredOrDocumentedAsSupplied(String overlay) {
        List<Manifest> manifests = rendered(overlay);
        Set<String> declared = Manifests.ids(manifests);
        for (Deployment deployment : all(manifests, Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Set<String> configMaps = new HashSet<>();
            Set<String> secrets = new HashSet<>();
            pod.getVolumes().forEach(volume -> {
                if (volume.getConfigMap() != null) {
                    configMaps.add(volume.getConfigMap().getName());
                }
                if (volume.getSecret() != null) {
                    secrets.add(volume.getSecret().getSecretName());
                }
            });
            pod.getContainers().forEach(container -> {
                container.getEnvFrom().forEach(source -> {
                    if (source.getConfigMapRef() != null) {
                        configMaps.add(source.getConfigMapRef().getName());
                    }
                    if (source.getSecretRef() != null) {
                        secrets.add(source.getSecretRef().getName());
                    }
                });
                container.getEnv().stream().filter(env -> env.getValueFrom() != null).forEach(env -> {
                    if (env.getValueFrom().getConfigMapKeyRef() != null) {
                        configMaps.add(env.getValueFrom().getConfigMapKeyRef().getName());
                    }
                    if (env.getValueFrom().getSecretKeyRef() != null) {
                        secrets.add(env.getValueFrom().getSecretKeyRef().getName());
                    }
                });
            });
            configMaps.forEach(name -> assertThat(declared.contains("ConfigMap/" + name) || documented(name))
                    .as(deployment.getMetadata().getName() + " ConfigMap " + name).isTrue());
            secrets.forEach(name -> assertThat(declared.contains("Secret/" + name)
                    || declared.contains("KafkaUser/" + name) // the user operator writes it
                    || documented(name))
                    .as(deployment.getMetadata().getName() + " Secret " + name
                            + " declared, written by an operator, or documented in docs/operations.md")
                    .isTrue());
        }
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyTopicTheServicesUseHasAKafkaTopicAndEveryKafkaTopicIsUsed(String overlay) throws Exception {
        List<Manifest> manifests = rendered(overlay);
        Set<String> declared = all(manifests, KafkaTopic.class).stream()
                .map(topic -> Objects.requireNonNullElse(topic.getSpec().getTopicName(), topic.getMetadata().getName()))
                .collect(Collectors.toSet());
        Set<String> used = new HashSet<>(contractTopics());
        used.addAll(configuredTopics());

        assertThat(declared).containsExactlyInAnyOrderElementsOf(used);

        for (KafkaUser user : all(manifests, KafkaUser.class)) {
            assertThat(SERVICES).as("a Kafka user per service").contains(user.getMetadata().getName());
            ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls().stream()
                    .filter(acl -> acl.getResource() instanceof io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource)
                    .map(acl -> ((io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource) acl.getResource()).getName())
                    .forEach(topic -> assertThat(declared).as(user.getMetadata().getName() + " ACL topic").contains(topic));
        }
        Kafka kafka = all(manifests, Kafka.class).get(0);
        assertThat(all(manifests, KafkaTopic.class)).allSatisfy(topic -> assertThat(topic.getMetadata().getLabels())
                .containsEntry("strimzi.io/cluster", kafka.getMetadata().getName()));
        KafkaTopic catalog = all(manifests, KafkaTopic.class).stream()
                .filter(topic -> Topics.CATALOG_EXERCISES.equals(topic.getSpec().getTopicName())).findFirst().orElseThrow();
        assertThat(catalog.getSpec().getConfig()).containsEntry("cleanup.policy", "compact");
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyNetworkPolicySelectsPodsThatExist(String overlay) {
        List<Manifest> manifests = rendered(overlay);
        List<Map<String, String>> pods = new ArrayList<>(podLabelSets(manifests));
        // pods the operators create for the resources declared here
        all(manifests, Kafka.class).forEach(kafka -> pods.add(Map.of("strimzi.io/cluster", kafka.getMetadata().getName())));
        all(manifests, OperatorResources.Cluster.class).forEach(cluster -> pods.add(Map.of("cnpg.io/cluster", cluster.metadata().getName())));
        pods.add(Map.of("k8s-app", "kube-dns"));
        for (NetworkPolicy policy : all(manifests, NetworkPolicy.class)) {
            String name = policy.getMetadata().getName();
            assertThat(podLabelSets(manifests)).as(name + " selects Medius pods")
                    .anyMatch(labels -> selects(policy.getSpec().getPodSelector(), labels));
            List<NetworkPolicyPeer> peers = new ArrayList<>();
            policy.getSpec().getIngress().forEach(rule -> peers.addAll(rule.getFrom()));
            policy.getSpec().getEgress().forEach(rule -> peers.addAll(rule.getTo()));
            peers.stream().filter(peer -> peer.getPodSelector() != null).forEach(peer -> assertThat(pods)
                    .as(name + " peer " + peer.getPodSelector().getMatchLabels())
                    .anyMatch(labels -> selects(peer.getPodSelector(), labels)));
        }
    }

    @Test
    void overlaysPatchOnlyWhatExistsInTheBase() {
        for (String overlay : List.of("overlays/dev", "overlays/prod")) {
            Path dir = MODULE.resolve(overlay);
            Kustomization kustomization = Manifests.kustomization(dir);
            Set<String> available = new HashSet<>(Manifests.ids(base));
            for (String resource : kustomization.getResources()) {
                if (!resource.startsWith("..")) {
                    available.addAll(Manifests.ids(Manifests.read(dir.resolve(resource))));
                }
            }
            List<Path> components = kustomization.getComponents() == null ? List.of()
                    : kustomization.getComponents().stream().map(dir::resolve).map(Path::normalize).toList();
            for (Path component : components) {
                Kustomization parts = Manifests.kustomization(component);
                parts.getResources().forEach(resource -> available.addAll(Manifests.ids(Manifests.read(component.resolve(resource)))));
                assertPatchTargetsExist(component, parts.getPatches(), available);
            }
            assertPatchTargetsExist(dir, kustomization.getPatches(), available);
            kustomization.getImages().forEach(image -> assertThat(all(base, Deployment.class).stream()
                    .flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().stream())
                    .map(c -> c.getImage().replaceFirst(":.*$", "")))
                    .as(overlay + " image " + image.getName()).contains(image.getName()));
        }
    }

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyProductionSettingIsInTheManifestsOrDocumented(String overlay) throws IOException {
        List<Manifest> manifests = rendered(overlay);
        String configMaps = all(manifests, io.fabric8.kubernetes.api.model.ConfigMap.class).stream()
                .flatMap(cm -> cm.getData().values().stream()).collect(Collectors.joining("\n"));
        List<String> missing = new ArrayList<>();
        for (String key : productionSettings()) {
            if (!configMaps.contains(key + "=") && !operationsDoc.contains("`" + key + "`")
                    && !documentedByPrefix(key)) {
                missing.add(key);
            }
        }
        assertThat(missing).as("settings neither in a ConfigMap nor in docs/operations.md").isEmpty();
    }

    // ---------------------------------------------------------------------------------------------

    private static void assertPatchTargetsExist(Path dir, List<Patch> patches, Set<String> available) {
        if (patches == null) {
            return;
        }
        for (Patch patch : patches) {
            if (patch.getTarget() != null && patch.getTarget().getName() != null) {
                assertThat(available).as(dir + " patch target").contains(patch.getTarget().getKind() + "/" + patch.getTarget().getName());
            }
            if (patch.getPath() != null) {
                for (Manifest manifest : Manifests.read(dir.resolve(patch.getPath()))) {
                    assertThat(available).as(dir + "/" + patch.getPath() + " patches").contains(manifest.id());
                }
            }
        }
    }

    private static boolean documented(String name) {
        return operationsDoc.contains("`" + name + "`");
    }

    private static boolean documentedByPrefix(String key) {
        for (int i = key.lastIndexOf('.'); i > 0; i = key.lastIndexOf('.', i - 1)) {
            if (operationsDoc.contains("`" + key.substring(0, i) + ".*`")) {
                return true;
            }
        }
        return false;
    }

    /** Keys a service reads outside dev and test: its application.properties and the shared defaults. */
    static Set<String> productionSettings() throws IOException {
        Set<String> keys = new HashSet<>();
        List<Path> files = new ArrayList<>();
        for (String service : SERVICES) {
            files.add(ROOT.resolve(service).resolve("src/main/resources/application.properties"));
        }
        files.add(ROOT.resolve("platform/runtime/src/main/resources/META-INF/microprofile-config.properties"));
        for (Path file : files) {
            Properties properties = new Properties();
            properties.load(new StringReader(Files.readString(file)));
            for (String key : properties.stringPropertyNames()) {
                if (key.startsWith("%dev.") || key.startsWith("%test.")) {
                    continue;
                }
                keys.add(key.replaceFirst("^%prod\\.", ""));
            }
        }
        return keys;
    }

    static Set<String> contractTopics() throws IllegalAccessException {
        Set<String> topics = new HashSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                topics.add((String) field.get(null));
            }
        }
        return topics;
    }

    /** Topics named in the services' channel configuration (the outbox channel routes per record). */
    static Set<String> configuredTopics() throws IOException {
        Set<String> topics = new HashSet<>();
        for (String service : SERVICES) {
            Properties properties = new Properties();
            properties.load(new StringReader(Files.readString(ROOT.resolve(service).resolve("src/main/resources/application.properties"))));
            for (String key : properties.stringPropertyNames()) {
                if (key.matches("(%prod\\.)?mp\\.messaging\\.(incoming|outgoing)\\.[^.]+\\.topics?")
                        && !key.contains(".outgoing.outbox.")) {
                    for (String topic : properties.getProperty(key).split(",")) {
                        topics.add(topic.trim());
                    }
                }
            }
        }
        return topics;
    }

    private static List<Map<String, String>> podLabelSets(List<Manifest> manifests) {
        return all(manifests, Deployment.class).stream().map(d -> d.getSpec().getTemplate().getMetadata().getLabels())
                .collect(Collectors.toList());
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        Map<String, String> match = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        return labels.entrySet().containsAll(match.entrySet());
    }

    private static void assertProbe(String what, Probe probe, String path) {
        assertThat(probe).as(what).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(what).isEqualTo(path);
    }

    /** The overlay as {@code kubectl kustomize} renders it, rendered once per run. */
    static List<Manifest> rendered(String overlay) {
        return RENDERED.computeIfAbsent(overlay, name -> Kustomize.render(MODULE.resolve("overlays").resolve(name)));
    }

    static <T> List<T> all(List<Manifest> manifests, Class<T> type) {
        return manifests.stream().filter(m -> type.isInstance(m.object())).map(m -> m.as(type)).collect(Collectors.toList());
    }

}
