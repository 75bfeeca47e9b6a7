package dev.medius.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.devkit.browser.HeadlessChromium;
import dev.medius.devkit.security.DevTokens;

/**
 * A morning of low readiness from the athlete's phone to the coach's page, through every service as it runs: the
 * check-in lightens the day's session in routine-service, travels as wellness.checked-in.v1 to progress-service, and
 * the third low morning in a row raises readiness-low, which reaches the coach's open page live with the adjustment.
 * The first of the three mornings comes from an outside wellness app over Kafka, as an integration publishes it.
 */
class ReadinessEndToEndTest extends LaunchedPlatform {

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String tenant = "e2e-readiness-" + run;
    private final String coachId = "coach-" + run;
    private final String athleteId = "athlete-" + run;
    private final String coachToken = DevTokens.mint(coachId, tenant, "coach");
    private final String athleteToken = DevTokens.mint(athleteId, tenant, "athlete");
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Test
    void threeLowMorningsLightenTodaysSessionAndRaiseReadinessLowOnTheCoachsPageLive() throws Exception {
        // a hand-made plan of one session today: three sets of lateral band walks
        assignOneSession(coachToken, athleteId, "Hip week", JSON.createObjectNode().put("slug", "lateral-band-walk")
                .put("sets", 3).put("repsMin", 10).put("repsMax", 12), today);
        assertThat(todaysSession().path("blocks").findValues("sets")).extracting(JsonNode::asInt).containsExactly(3);

        // two days ago, from the athlete's wellness app; yesterday, from Medius' own check-in
        publishFromWellnessApp(today.minusDays(2));
        Answer yesterday = checkIn(today.minusDays(1));
        assertThat(yesterday.status()).as(yesterday.body()).isEqualTo(201);
        await("both earlier mornings in progress-service").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(() -> progress().path("readiness").path("checkIns").size() == 2);

        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            ChromeDriver browser = chromium.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            browser.get(url("progress") + "/dashboard/");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys(coachToken);
            browser.findElement(By.id("sign-in")).click();
            By row = By.cssSelector("#roster tbody tr[data-athlete='" + athleteId + "']");
            wait.until(ExpectedConditions.visibilityOfElementLocated(row));
            wait.until(ExpectedConditions.textToBe(By.id("live-status"), "live"));
            assertThat(browser.findElement(row).findElements(By.cssSelector(".flag"))).isEmpty();

            // this morning: the session of the day is lighter, and says why
            Answer morning = checkIn(today);
            assertThat(morning.status()).as(morning.body()).isEqualTo(201);
            JsonNode adjusted = morning.json().path("sessions").path(0);
            assertThat(adjusted.path("kind").asText()).as(morning.body()).isEqualTo("lighter");
            assertThat(adjusted.path("reason").asText()).contains("energy 2/5", "a set fewer");
            JsonNode session = todaysSession();
            assertThat(session.path("adjustment").path("kind").asText()).isEqualTo("lighter");
            assertThat(session.path("blocks").findValues("sets")).extracting(JsonNode::asInt).containsExactly(2);

            // the open page hears of it without a reload: the flag on the athlete's row
            By flag = By.cssSelector("#roster tbody tr[data-athlete='" + athleteId + "'] .flag[data-kind='readiness-low']");
            wait.until(ExpectedConditions.visibilityOfElementLocated(flag));
            JsonNode readiness = progress().path("readiness");
            assertThat(readiness.path("checkIns")).hasSize(3);
            assertThat(readiness.path("checkIns").path(0).path("adjustments").path(0).path("kind").asText())
                    .isEqualTo("lighter");

            browser.findElement(row).click();
            wait.until(ExpectedConditions.attributeToBe(By.id("athlete-view"), "data-loaded", athleteId));
            By lighter = By.cssSelector("#athlete-readiness .adjustment[data-kind='lighter']");
            wait.until(ExpectedConditions.visibilityOfElementLocated(lighter));
            assertThat(browser.findElement(lighter).getText()).startsWith("Lighter: ").contains("a set fewer");
            By card = By.cssSelector("#athlete-flags .flag-card[data-kind='readiness-low']");
            wait.until(ExpectedConditions.visibilityOfElementLocated(card));
            assertThat(browser.findElement(card).getText()).contains("readiness below the usual in each of the last 3 "
                    + "check-ins, from " + today.minusDays(2) + " to " + today, "energy 2/5", "mood 2/5");
            assertThat(Files.size(chromium.screenshot("e2e-readiness.png"))).isPositive();
        }
    }

    /** A poor morning, with no earlier answers to compare with: energy and mood at 2/5, the rest as usual. */
    private Answer checkIn(LocalDate date) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("date", date.toString()).put("sleepQuality", 3).put("energy", 2)
                .put("soreness", 4).put("stress", 3).put("mood", 2).put("sleepHours", 7.5);
        body.putArray("pain");
        return post(url("routine") + "/api/v1/athletes/" + athleteId + "/check-ins", athleteToken, body,
                Map.of("Idempotency-Key", "check-in-" + date + "-" + run));
    }

    /** wellness.checked-in.v1 in binary mode and in clear, as a wellness app of the organisation publishes it. */
    private void publishFromWellnessApp(LocalDate date) throws Exception {
        String checkInId = UUID.randomUUID().toString();
        ObjectNode data = JSON.createObjectNode().put("checkInId", checkInId).put("athleteId", athleteId)
                .put("date", date.toString()).put("recordedAt", date + "T06:45:00Z").put("sleepQuality", 3)
                .put("energy", 2).put("soreness", 4).put("stress", 3).put("mood", 2).put("sleepHours", 7.5);
        data.putArray("pain");
        data.putArray("redFlags");
        data.putArray("adjustments");
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, url("kafka"));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            ProducerRecord<String, String> record = new ProducerRecord<>("routine.sessions", athleteId,
                    JSON.writeValueAsString(data));
            Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", "wellness.checked-in.v1",
                    "ce_source", "/acme/wellness-app", "ce_time", date + "T06:45:00Z", "ce_subject", checkInId,
                    "ce_tenantid", tenant, "content-type", "application/json")
                    .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        }
    }

    private JsonNode todaysSession() throws Exception {
        Answer plan = get(url("routine") + "/api/v1/athletes/" + athleteId + "/plan", athleteToken);
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        for (JsonNode session : plan.json().path("assignments").path(0).path("sessions")) {
            if (today.toString().equals(session.path("date").asText())) {
                return session;
            }
        }
        throw new AssertionError("no session today: " + plan.body());
    }

    private JsonNode progress() throws Exception {
        Answer progress = get(url("progress") + "/api/v1/athletes/" + athleteId + "/progress", coachToken);
        assertThat(progress.status()).as(progress.body()).isEqualTo(200);
        return progress.json();
    }
}
