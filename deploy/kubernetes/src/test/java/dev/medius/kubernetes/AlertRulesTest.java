package dev.medius.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The alerting rules of deploy/monitoring: valid for Prometheus, shipped identically to the Prometheus Operator,
 * and each alert unit-tested both firing and silent.
 */
class AlertRulesTest {

    static final Path MONITORING = ManifestsTest.ROOT.resolve("deploy/monitoring");
    static final Path RULES = MONITORING.resolve("medius-alerts.rules.yaml");
    static final Path PROMETHEUS_RULE = ManifestsTest.MODULE.resolve("components/monitoring/prometheus-rule.yaml");

    @Test
    void prometheusAcceptsTheRules() {
        Promtool.onPath().run(MONITORING, "check", "rules", RULES.getFileName().toString());
    }

    @Test
    void everyAlertBehavesAsItsUnitTestsExpect() {
        List<String> args = new ArrayList<>(List.of("test", "rules"));
        ruleTests().forEach(file -> args.add(file.getFileName().toString()));
        Promtool.onPath().run(MONITORING, args.toArray(String[]::new));
    }

    @Test
    void thePrometheusRuleCarriesTheGroupsOfThePlainRulesFile() {
        JsonNode plain = yaml(RULES).path("groups");
        JsonNode shipped = yaml(PROMETHEUS_RULE).path("spec").path("groups");

        assertThat(plain.isArray() && !plain.isEmpty()).as("groups in " + RULES).isTrue();
        assertThat(shipped.size()).as("groups in " + PROMETHEUS_RULE).isEqualTo(plain.size());
        for (int g = 0; g < plain.size(); g++) {
            JsonNode rules = plain.get(g).path("rules");
            for (int r = 0; r < rules.size(); r++) {
                assertThat(shipped.get(g).path("rules").path(r)).as(PROMETHEUS_RULE + " " + plain.get(g).path("name")
                        + " rule " + r + ", copied from " + RULES).isEqualTo(rules.get(r));
            }
        }
        // names, intervals and rule counts too: the rest of each group
        assertThat(shipped).as(PROMETHEUS_RULE + " spec.groups, copied from " + RULES).isEqualTo(plain);
    }

    @Test
    void bothOverlaysInstallTheRules() {
        for (String overlay : List.of("overlays/dev", "overlays/prod")) {
            assertThat(Manifests.kustomization(ManifestsTest.MODULE.resolve(overlay)).getComponents())
                    .as(overlay + " components").contains("../../components/monitoring");
        }
    }

    @Test
    void everyAlertSaysHowUrgentItIsWhatHappenedAndHowLongItMustLast() {
        for (JsonNode rule : alerts()) {
            String name = rule.path("alert").asText();
            assertThat(rule.path("labels").path("severity").asText()).as(name + " severity")
                    .isIn("warning", "critical");
            assertThat(rule.path("annotations").path("summary").asText()).as(name + " summary").isNotBlank();
            assertThat(rule.path("annotations").path("description").asText()).as(name + " description").isNotBlank();
            assertThat(rule.path("for").asText()).as(name + " for").matches("[1-9][0-9]*m");
        }
    }

    @Test
    void everyAlertHasATestWhereItFiresAndOneWhereItStaysSilent() {
        Map<String, Set<String>> cases = new TreeMap<>();
        for (Path file : ruleTests()) {
            for (JsonNode test : yaml(file).path("tests")) {
                for (JsonNode check : test.path("alert_rule_test")) {
                    boolean fires = !check.path("exp_alerts").isEmpty();
                    cases.computeIfAbsent(check.path("alertname").asText(), name -> new TreeSet<>())
                            .add(fires ? "fires" : "silent");
                }
            }
        }
        Set<String> names = new TreeSet<>();
        alerts().forEach(rule -> names.add(rule.path("alert").asText()));

        assertThat(cases.keySet()).as("alerts the tests name (promtool passes a test of an alert that does not exist)")
                .isSubsetOf(names);
        for (String name : names) {
            assertThat(cases.get(name)).as(name + " tested firing and silent").containsExactly("fires", "silent");
        }
    }

    @Test
    void theRulesReadOnlyMetricsTheServicesOrTheClusterExpose() {
        Set<String> meters = ExposedMetrics.mediusMeters(ManifestsTest.ROOT);
        for (JsonNode rule : alerts()) {
            assertThat(ExposedMetrics.readBy(rule.path("expr").asText())).as(rule.path("alert").asText()).isNotEmpty()
                    .allMatch(metric -> ExposedMetrics.exposed(metric, meters));
        }
    }

    static List<JsonNode> alerts() {
        List<JsonNode> alerts = new ArrayList<>();
        for (JsonNode group : yaml(RULES).path("groups")) {
            group.path("rules").forEach(alerts::add);
        }
        return alerts;
    }

    static List<Path> ruleTests() {
        try (Stream<Path> files = Files.list(MONITORING)) {
            List<Path> tests = files.filter(file -> file.getFileName().toString().endsWith(".test.yaml"))
                    .sorted().toList();
            assertThat(tests).as("promtool test files in " + MONITORING).isNotEmpty();
            return tests;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode yaml(Path file) {
        try {
            return Manifests.YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
