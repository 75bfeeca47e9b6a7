package dev.medius.progress;

import static dev.medius.progress.FixedClock.TODAY;
import static dev.medius.progress.RoutineEvents.completed;
import static dev.medius.progress.RoutineEvents.exercise;
import static dev.medius.progress.RoutineEvents.planAssigned;
import static dev.medius.progress.RoutineEvents.send;
import static dev.medius.progress.RoutineEvents.sessionId;
import static dev.medius.progress.RoutineEvents.uuid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.medius.devkit.browser.HeadlessChromium;
import dev.medius.devkit.security.DevTokens;
import dev.medius.events.EventTypes;
import dev.medius.events.Topics;
import io.quarkus.test.junit.QuarkusTest;

/** The dashboard page in Debian's headless Chromium, as a coach uses it. */
@QuarkusTest
class DashboardPageIT {

    static final String TENANT = "club-page-" + uuid();

    HeadlessChromium chromium;
    ChromeDriver browser;

    @BeforeEach
    void startBrowser() throws IOException {
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void coachSignsInSeesTheFlaggedAthleteOpensTheChartAndSeesANewCompletionLive() throws IOException {
        String coach = "coach-" + uuid();
        String athlete = "athlete-" + uuid();
        String calm = "athlete-" + uuid();
        ObjectNode plan = planAssigned(uuid(), athlete, coach, TODAY.minusDays(3), TODAY.minusDays(1));
        send(Topics.ROUTINE_PLANS, TENANT, EventTypes.PLAN_ASSIGNED, athlete, plan);
        send(Topics.ROUTINE_PLANS, TENANT, EventTypes.PLAN_ASSIGNED, calm, planAssigned(uuid(), calm, coach, TODAY));
        ObjectNode painful = completed(sessionId(plan, 0), athlete, coach, TODAY.minusDays(3), 7.0, 7);
        exercise(painful, "split-squat", "squat", List.of("quadriceps", "gluteus-maximus"), 3, 8, null);
        exercise(painful, "side-plank", "anti-lateral-flexion", List.of("gluteus-medius"), 2, null, 30);
        painful.put("notes", "Knee sore on the stairs afterwards");
        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_COMPLETED, athlete, painful);
        String token = DevTokens.mint(coach, TENANT, "coach");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(given().auth().oauth2(token)
                .when().get("/api/v1/dashboard").then().extract().jsonPath().getList("athletes[0].flags.kind"))
                .contains("pain-high"));

        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get("http://localhost:" + port + "/dashboard/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys(token);
        browser.findElement(By.id("sign-in")).click();

        // the flagged athlete heads the roster
        By flaggedRow = By.cssSelector("#roster tbody tr[data-athlete='" + athlete + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(flaggedRow));
        List<WebElement> rows = browser.findElements(By.cssSelector("#roster tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getAttribute("data-athlete")).isEqualTo(athlete);
        assertThat(rows.get(0).findElement(By.cssSelector(".flag[data-kind='pain-high']")).isDisplayed()).isTrue();
        wait.until(ExpectedConditions.textToBe(By.id("live-status"), "live"));
        screenshot("dashboard-roster.png");
        assertAccessible("roster");

        // the summary counts athletes per flag, and a flag in it filters the roster
        assertThat(browser.findElement(By.id("attention")).getText()).contains("1 of 2 need attention");
        By painHigh = By.cssSelector("#attention button[data-kind='pain-high']");
        assertThat(browser.findElement(painHigh).getText()).isEqualTo("pain-high 1");
        browser.findElement(painHigh).click();
        wait.until(d -> athletesShown().equals(List.of(athlete)));
        browser.findElement(painHigh).click();
        wait.until(d -> athletesShown().size() == 2);
        // search narrows to the athlete named
        browser.findElement(By.id("search")).sendKeys(calm.substring(8));
        wait.until(d -> athletesShown().equals(List.of(calm)));
        browser.findElement(By.id("search")).sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                org.openqa.selenium.Keys.BACK_SPACE);
        wait.until(d -> athletesShown().size() == 2);
        // sorted by last activity, the athlete never seen comes first; by pain, the one in pain
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("sort"))).selectByValue("activity");
        wait.until(d -> athletesShown().equals(List.of(calm, athlete)));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("sort"))).selectByValue("pain");
        wait.until(d -> athletesShown().equals(List.of(athlete, calm)));
        // every flag says why and since when
        assertThat(browser.findElement(By.cssSelector(flaggedRowSelector(athlete) + " .flag[data-kind='pain-high']"))
                .getAttribute("title")).contains("7/10", "(since ");

        browser.findElement(flaggedRow).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("athlete-view"), "data-loaded", athlete));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-weeks canvas")));
        assertThat(browser.findElement(By.id("athlete-completed-7")).getText()).isEqualTo("1 of 2");
        // the calendar shows the done day and the missed one; the athlete's note is there; pain is read against its ceiling
        assertThat(browser.findElement(By.cssSelector("#calendar td[data-date='" + TODAY.minusDays(3) + "']"))
                .getAttribute("class")).contains("done");
        assertThat(browser.findElement(By.cssSelector("#calendar td[data-date='" + TODAY.minusDays(1) + "']"))
                .getAttribute("class")).contains("missed");
        // the plan against what was done, and the way to the athlete's plan on the platform
        assertThat(browser.findElements(By.cssSelector("#plan tbody tr")).stream()
                .map(r -> r.getAttribute("data-status")).toList()).containsExactly("completed", "missed");
        assertThat(browser.findElement(By.id("plan-link")).getAttribute("href"))
                .isEqualTo("https://coach.example/athletes/" + athlete + "/plan");
        assertThat(browser.findElement(By.id("athlete-notes")).getText()).contains("Knee sore on the stairs afterwards",
                TODAY.minusDays(3).toString());
        assertThat(((JavascriptExecutor) browser).executeScript("var o = echarts.getInstanceByDom("
                + "document.getElementById('chart-trends')).getOption();"
                + "return o.series.map(function (s) { return s.markLine.data[0].yAxis; });")).asList().containsExactly(9L, 5L);
        // hold seconds have their own axis and series, never counted as reps
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-exercises canvas")));
        assertThat(((JavascriptExecutor) browser).executeScript("var o = echarts.getInstanceByDom("
                + "document.getElementById('chart-exercises')).getOption();"
                + "return o.series.map(function (s) { return s.name + '@' + s.yAxisIndex + '=' + Math.max.apply(null, s.data); })"
                + ".concat(o.yAxis.map(function (a) { return 'axis ' + a.name; }));"))
                .asList().contains("split-squat (reps)@0=24", "side-plank (hold s)@1=60", "axis reps", "axis hold s")
                .noneMatch(line -> String.valueOf(line).startsWith("side-plank (reps)"))
                .noneMatch(line -> String.valueOf(line).startsWith("split-squat (hold s)"));
        // a mark that a reload would wipe out
        ((JavascriptExecutor) browser).executeScript("window.mediusNoReload = true;");

        ObjectNode next = completed(sessionId(plan, 1), athlete, coach, TODAY.minusDays(1), 6.0, 2);
        exercise(next, "split-squat", "squat", List.of("quadriceps", "gluteus-maximus"), 3, 10, null);
        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_COMPLETED, athlete, next);

        wait.until(ExpectedConditions.textToBe(By.id("athlete-completed-7"), "2 of 2"));
        assertThat(browser.findElement(By.cssSelector("#calendar td[data-date='" + TODAY.minusDays(1) + "']"))
                .getAttribute("class")).contains("done");
        assertThat(browser.findElements(By.cssSelector("#plan tbody tr")).stream()
                .map(r -> r.getAttribute("data-status")).toList()).containsExactly("completed", "completed");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.mediusNoReload === true")).isEqualTo(true);
        assertThat(browser.findElement(By.id("athlete-adherence-7")).getText()).isEqualTo("100%");
        // the calendar's last column, Sunday, lies inside its panel
        assertThat(((JavascriptExecutor) browser).executeScript("var table = document.getElementById('calendar');"
                + " return table.getBoundingClientRect().right <= table.closest('.panel').getBoundingClientRect().right"
                + " && table.querySelector('thead th:last-child').scrollWidth"
                + " <= table.querySelector('thead th:last-child').clientWidth")).isEqualTo(true);
        screenshot("dashboard-athlete.png");
        assertAccessible("athlete view");

        // on a tablet held upright the charts stack and the page does not scroll sideways
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(820, 1180));
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth")));
        screenshot("dashboard-athlete-tablet.png");
        browser.findElement(By.id("back")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(flaggedRow));
        screenshot("dashboard-roster-tablet.png");

        // on a 390 px phone neither the page nor the roster scrolls sideways: each athlete is a card
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return window.innerWidth <= 390 && document.documentElement.scrollWidth <= window.innerWidth"
                        + " && document.querySelector('.table-wrap').scrollWidth <= document.querySelector('.table-wrap').clientWidth")));
        assertThat(browser.findElement(By.cssSelector("#roster tbody tr[data-athlete='" + athlete + "'] td.adherence"))
                .getAttribute("data-label")).startsWith("Adherence");
        screenshot("dashboard-roster-phone.png");
        browser.findElement(flaggedRow).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("athlete-view")));
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth")));
        screenshot("dashboard-athlete-phone.png");

        // in Spanish, chosen on the page, and still in Spanish after a reload
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        browser.findElement(By.id("back")).click();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("language"))).selectByValue("es");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#roster-view h2"), "Deportistas"));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(flaggedRow));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
        assertThat(browser.findElement(By.id("attention")).getText()).contains("1 de 2 necesitan atención");
        assertThat(browser.findElement(painHigh).getText()).isEqualTo("dolor alto 1");
        assertThat(browser.findElement(By.cssSelector("#roster thead th")).getText()).isEqualToIgnoringCase("Deportista");
        // the flag's reason too, from the facts the server keeps with it
        assertThat(browser.findElement(By.cssSelector(flaggedRowSelector(athlete) + " .flag[data-kind='pain-high']"))
                .getAttribute("title")).startsWith("dolor 7/10 (knee) el " + TODAY.minusDays(3)).contains("techo de 5/10");
        screenshot("dashboard-roster-es.png");
        assertAccessible("roster in Spanish");
    }

    @Test
    void coachFiltersByTeamAcknowledgesAFlagWithANoteAndTheHeadCoachSeesIt() throws IOException {
        String coach = "coach-" + uuid();
        String sore = "athlete-" + uuid();
        String calm = "athlete-" + uuid();
        for (String[] who : new String[][] { { sore, "Lucía Moreno", "road-runners", "Road runners" },
                { calm, "Tomás Ibáñez", "first-team", "First team" } }) {
            send(Topics.ROUTINE_PLANS, TENANT, EventTypes.PLAN_ASSIGNED, who[0], planAssigned(uuid(), who[0], coach, TODAY));
            ObjectNode profile = RoutineEvents.JSON.createObjectNode().put("athleteId", who[0]).put("displayName", who[1])
                    .put("teamId", who[2]).put("teamName", who[3]).put("sport", "running").put("revision", 1)
                    .put("updatedAt", "2026-06-01T08:00:00Z");
            send(Topics.ROUTINE_PLANS, TENANT, EventTypes.ATHLETE_UPDATED, who[0], profile);
        }
        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_COMPLETED, sore,
                completed(uuid(), sore, coach, TODAY.minusDays(1), 6.0, 8));
        String token = DevTokens.mint(coach, TENANT, "coach");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var roster = given().auth().oauth2(token).when().get("/api/v1/dashboard").then().extract().jsonPath();
            assertThat(roster.getList("athletes.profile.displayName")).contains("Lucía Moreno", "Tomás Ibáñez");
            assertThat(roster.getList("athletes[0].flags.kind")).contains("pain-high");
        });

        WebDriverWait wait = signIn(token);
        By soreRow = By.cssSelector(flaggedRowSelector(sore));
        wait.until(ExpectedConditions.visibilityOfElementLocated(soreRow));
        assertThat(browser.findElement(soreRow).findElement(By.cssSelector("td.athlete")).getText())
                .contains("Lucía Moreno", "Road runners");
        // the team filter lists the roster's teams; a search finds an athlete by name
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("filter-team"))).selectByVisibleText("First team");
        wait.until(d -> athletesShown().equals(List.of(calm)));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("filter-team"))).selectByValue("");
        browser.findElement(By.id("search")).sendKeys("lucía");
        wait.until(d -> athletesShown().equals(List.of(sore)));
        assertThat(browser.findElement(By.id("attention")).getText()).contains("1 of 2 need attention");

        browser.findElement(soreRow).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("athlete-view"), "data-loaded", sore));
        assertThat(browser.findElement(By.id("athlete-name")).getText()).isEqualTo("Lucía Moreno");
        WebElement card = browser.findElement(By.cssSelector("#athlete-flags .flag-card[data-kind='pain-high']"));
        card.findElement(By.tagName("textarea")).sendKeys("Called her: sore knee after a fall, physio on Friday");
        new org.openqa.selenium.support.ui.Select(card.findElement(By.tagName("select"))).selectByValue("3");
        card.findElement(By.cssSelector("button[type=submit]")).click();
        By seen = By.cssSelector("#athlete-flags .flag-card[data-kind='pain-high'] .acknowledgement");
        wait.until(ExpectedConditions.visibilityOfElementLocated(seen));
        assertThat(browser.findElement(seen).getText()).contains(coach, "snoozed until " + TODAY.plusDays(3),
                "physio on Friday");
        screenshot("dashboard-flag-acknowledged.png");
        assertAccessible("athlete view with an acknowledged flag");

        // snoozed, the flag no longer counts as needing attention, and the roster shows it as seen
        browser.findElement(By.id("back")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("attention"), "0 of 2 need attention"));
        assertThat(browser.findElement(soreRow).findElement(By.cssSelector(".flag[data-kind='pain-high']"))
                .getAttribute("class")).contains("snoozed", "acknowledged");

        // the head coach of the organisation reads the note
        browser.findElement(By.id("sign-out")).click();
        WebDriverWait headWait = signIn(DevTokens.mint("head-" + uuid(), TENANT, "head-coach", "coach"));
        headWait.until(ExpectedConditions.visibilityOfElementLocated(soreRow));
        // the whole organisation, ordered by the server: by urgency or by name only
        assertThat(browser.findElements(By.cssSelector("#sort option")).stream().filter(WebElement::isEnabled)
                .map(o -> o.getAttribute("value")).toList()).containsExactly("urgency", "name");
        screenshot("dashboard-organisation.png");
        browser.findElement(soreRow).click();
        headWait.until(ExpectedConditions.attributeToBe(By.id("athlete-view"), "data-loaded", sore));
        assertThat(browser.findElement(seen).getText()).contains(coach, "physio on Friday");
    }

    @Test
    void theAthleteViewShowsTheMorningCheckInWithItsAdjustmentAndTheTrainingLoad() throws IOException {
        String coach = "coach-" + uuid();
        String athlete = "athlete-" + uuid();
        ObjectNode plan = planAssigned(uuid(), athlete, coach, TODAY.minusDays(2), TODAY);
        send(Topics.ROUTINE_PLANS, TENANT, EventTypes.PLAN_ASSIGNED, athlete, plan);
        ObjectNode done = completed(sessionId(plan, 0), athlete, coach, TODAY.minusDays(2), 6.0, 1);
        done.put("durationMinutes", 30);
        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.SESSION_COMPLETED, athlete, done);
        ObjectNode morning = RoutineEvents.checkIn(uuid(), athlete, TODAY);
        morning.put("sleepQuality", 2).put("energy", 2).put("sleepHours", 5.5);
        morning.putArray("pain");
        morning.putArray("adjustments").addObject().put("sessionId", sessionId(plan, 1)).put("kind", "lighter")
                .put("reason", "2 answers clearly below the usual (sleep quality 2/5 against a usual 4, energy 2/5 "
                        + "against a usual 4): a set fewer for each exercise today");
        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.WELLNESS_CHECKED_IN, athlete, morning);
        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.STRENGTH_TEST_RECORDED, athlete,
                RoutineEvents.strengthTest(uuid(), athlete, TODAY.minusDays(1)));
        String token = DevTokens.mint(coach, TENANT, "coach");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var progress = given().auth().oauth2(token).when().get("/api/v1/athletes/" + athlete + "/progress").then()
                    .extract().jsonPath();
            assertThat(progress.getList("readiness.checkIns")).hasSize(1);
            assertThat(progress.getList("tests")).hasSize(1);
        });

        WebDriverWait wait = signIn(token);
        By row = By.cssSelector("#roster tbody tr[data-athlete='" + athlete + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        // the roster says how the athlete woke up and what it made of today's session
        WebElement todayCell = browser.findElement(row).findElement(By.cssSelector("td.check-in"));
        assertThat(todayCell.getAttribute("data-adjustment")).isEqualTo("lighter");
        assertThat(todayCell.getText()).isEqualTo("today · Lighter");
        browser.findElement(row).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("athlete-view"), "data-loaded", athlete));
        By adjusted = By.cssSelector("#athlete-readiness .adjustment[data-kind='lighter']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(adjusted));
        assertThat(browser.findElement(adjusted).getText()).startsWith("Lighter: ").contains("a set fewer");
        assertThat(browser.findElement(By.cssSelector("#athlete-readiness li")).getText())
                .contains(TODAY.toString(), "sleep 2/5", "energy 2/5", "5.5 h of sleep");
        // the session of two days ago: RPE 6 × 30 min = 180 in its week; no ratio before four weeks of history
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("load-latest"), "No acute:chronic ratio yet"));
        assertThat(browser.findElements(By.cssSelector("#load tbody tr")).stream().map(WebElement::getText).toList())
                .anyMatch(text -> text.contains("180"));
        assertThat(browser.findElement(By.cssSelector("#athlete-tests li[data-kind='hip-abduction']")).getText())
                .contains("hip abduction", "left 1.68 · right 1.44 N·m/kg", "symmetry 85.7 %", "pain 1/10",
                        "limb symmetry 86 %");
        screenshot("dashboard-readiness.png");
        assertAccessible("athlete view with a check-in and training load");

        // the next morning's check-in, with new pain and a rest day, reaches the open view live
        ObjectNode next = RoutineEvents.checkIn(uuid(), athlete, TODAY);
        next.putArray("pain").addObject().put("area", "knee").put("score", 6);
        next.putArray("adjustments").addObject().put("sessionId", sessionId(plan, 1)).put("kind", "rest")
                .put("reason", "new knee pain 6/10 this morning, above the 5/10 a training day allows: rest today");
        send(Topics.ROUTINE_SESSIONS, TENANT, EventTypes.WELLNESS_CHECKED_IN, athlete, next);
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#athlete-readiness .adjustment[data-kind='rest']")));
        assertThat(browser.findElement(By.id("athlete-readiness")).getText()).contains("knee pain 6/10", "Rest: ");
    }

    private WebDriverWait signIn(String token) {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get("http://localhost:" + port + "/dashboard/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys(token);
        browser.findElement(By.id("sign-in")).click();
        return wait;
    }

    /** Runs axe-core's rules inside the page as it stands; no serious or critical violation may remain. */
    private void assertAccessible(String view) throws IOException {
        java.util.Properties webjar = new java.util.Properties();
        try (var pom = DashboardPageIT.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            assertThat(pom).as("axe-core's webjar on the test class path").isNotNull();
            webjar.load(pom);
        }
        try (var axe = DashboardPageIT.class.getResourceAsStream(
                "/META-INF/resources/webjars/axe-core/" + webjar.getProperty("version") + "/axe.min.js")) {
            assertThat(axe).as("axe-core on the test class path").isNotNull();
            ((JavascriptExecutor) browser).executeScript(new String(axe.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        Object violations = ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "axe.run(document, { resultTypes: ['violations'] }).then(function (r) {"
                        + "  done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                        + "    .map(function (v) { return v.impact + ' ' + v.id + ': ' + v.help + ' at '"
                        + "      + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); }));"
                        + "}).catch(function (e) { done(['axe failed: ' + e]); });");
        assertThat((List<?>) violations).as("axe-core on the " + view).isEmpty();
    }

    private List<String> athletesShown() {
        return browser.findElements(By.cssSelector("#roster tbody tr")).stream().map(r -> r.getAttribute("data-athlete"))
                .toList();
    }

    private static String flaggedRowSelector(String athlete) {
        return "#roster tbody tr[data-athlete='" + athlete + "']";
    }

    private void screenshot(String name) throws IOException {
        assertThat(Files.size(chromium.screenshot(name))).isPositive();
    }
}
