package dev.medius.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The Grafana dashboard of deploy/monitoring: importable, and every panel reads metrics that exist. */
class DashboardTest {

    static final Path DASHBOARD = AlertRulesTest.MONITORING.resolve("grafana/medius-dashboard.json");
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode dashboard;
    static String datasource;

    @BeforeAll
    static void readDashboard() throws IOException {
        dashboard = JSON.readTree(DASHBOARD.toFile());
        JsonNode inputs = dashboard.path("__inputs");
        assertThat(inputs).as("__inputs").hasSize(1);
        assertThat(inputs.get(0).path("type").asText()).isEqualTo("datasource");
        assertThat(inputs.get(0).path("pluginId").asText()).isEqualTo("prometheus");
        datasource = "${" + inputs.get(0).path("name").asText() + "}";
    }

    @Test
    void grafanaCanImportItAndAsksForThePrometheusDatasource() {
        Set<String> required = new TreeSet<>();
        dashboard.path("__requires")
                .forEach(item -> required.add(item.path("type").asText() + "/" + item.path("id").asText()));
        assertThat(required).contains("grafana/grafana", "datasource/prometheus", "panel/timeseries", "panel/stat");
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        assertThat(dashboard.path("title").asText()).isNotBlank();

        Set<Integer> ids = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(ids.add(panel.path("id").asInt())).as("panel id " + panel.path("id") + " used once").isTrue();
            assertThat(panel.path("type").asText()).as(panel.path("title").asText()).isIn("row", "timeseries", "stat");
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            assertThat(variable.path("datasource").path("uid").asText()).as("variable " + variable.path("name"))
                    .isEqualTo(datasource);
        }
    }

    @Test
    void everyPanelQueriesTheChosenPrometheus() {
        List<JsonNode> panels = panels();
        assertThat(panels).isNotEmpty();
        for (JsonNode panel : panels) {
            String title = panel.path("title").asText();
            assertThat(panel.path("datasource").path("uid").asText()).as(title + " datasource").isEqualTo(datasource);
            assertThat(panel.path("targets")).as(title + " targets").isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("expr").asText()).as(title + " expr").isNotBlank();
                assertThat(target.path("datasource").path("uid").asText()).as(title + " target datasource")
                        .isEqualTo(datasource);
            }
        }
    }

    @Test
    void everyPanelReadsOnlyMetricsTheServicesOrTheClusterExpose() {
        Set<String> meters = ExposedMetrics.mediusMeters(ManifestsTest.ROOT);
        for (JsonNode panel : panels()) {
            for (JsonNode target : panel.path("targets")) {
                assertThat(ExposedMetrics.readBy(target.path("expr").asText())).as(panel.path("title").asText())
                        .isNotEmpty().allMatch(metric -> ExposedMetrics.exposed(metric, meters));
            }
        }
    }

    @Test
    void whatTheAlertsWatchIsOnTheDashboard() {
        Set<String> shown = new TreeSet<>();
        panels().forEach(panel -> panel.path("targets")
                .forEach(target -> shown.addAll(ExposedMetrics.readBy(target.path("expr").asText()))));
        for (JsonNode rule : AlertRulesTest.alerts()) {
            assertThat(shown).as(rule.path("alert").asText())
                    .containsAll(ExposedMetrics.readBy(rule.path("expr").asText()));
        }
    }

    /** Prometheus parses every query once Grafana has put in the variables. */
    @Test
    void prometheusAcceptsEveryQuery(@TempDir Path dir) throws IOException {
        Promtool promtool = Promtool.onPath();
        ObjectNode rules = JSON.createObjectNode();
        ArrayNode records = rules.putArray("groups").addObject().put("name", "dashboard").putArray("rules");
        int n = 0;
        for (JsonNode panel : panels()) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText().replace("$__rate_interval", "5m").replace("$service", ".+");
                records.addObject().put("record", "dashboard:query_" + ++n).put("expr", expr);
            }
        }
        Files.writeString(dir.resolve("dashboard.rules.json"), JSON.writeValueAsString(rules));

        promtool.run(dir, "check", "rules", "dashboard.rules.json");
    }

    private static List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> {
            if (!"row".equals(panel.path("type").asText())) {
                panels.add(panel);
            }
        });
        return panels;
    }
}
