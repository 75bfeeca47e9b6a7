package dev.medius.progress;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.medius.devkit.security.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The dashboard page is served with a strict policy and carries nothing that policy would have to allow. */
@QuarkusTest
class PageHeadersIT {

    @Test
    void thePageAndItsFilesCarryAStrictContentSecurityPolicy() {
        for (String path : new String[] {"/dashboard/", "/dashboard/index.html", "/dashboard/dashboard.js",
                "/dashboard/dashboard.css"}) {
            Response page = given().when().get(path).then().statusCode(200).extract().response();
            String policy = page.header("Content-Security-Policy");
            assertThat(policy).as(path).contains("default-src 'none'", "script-src 'self'", "style-src 'self'",
                    "connect-src 'self'", "frame-ancestors 'none'", "base-uri 'none'");
            assertThat(policy).as(path).doesNotContain("unsafe-inline", "unsafe-eval", "*");
            assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        }
    }

    @Test
    void theApiAnswersAreNeverSniffedFramedOrReferred() {
        given().auth().oauth2(DevTokens.mint("coach-headers", "club-headers", "coach"))
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("X-Frame-Options", equalTo("DENY"));
        given().when().get("/api/v1/dashboard").then().statusCode(401)
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }

    @Test
    void thePageHasNoInlineScriptHandlerOrStyle() {
        String html = given().when().get("/dashboard/").then().statusCode(200)
                .header("Content-Type", containsString("text/html")).extract().asString();
        assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>", Pattern.CASE_INSENSITIVE).matcher(html).find())
                .as("a script element without src").isFalse();
        assertThat(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find())
                .as("an inline event handler").isFalse();
        assertThat(Pattern.compile("\\sstyle\\s*=|<style", Pattern.CASE_INSENSITIVE).matcher(html).find())
                .as("an inline style").isFalse();
        assertThat(html).doesNotContain("javascript:");
    }
}
