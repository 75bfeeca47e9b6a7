package dev.medius.runtime.metrics;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.medius.devkit.security.DevTokens;

/** What Prometheus reads from {@code /q/metrics}, with a token of its own like the scrape job's. */
public final class ScrapedMetrics {

    private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One line of the exposition: its labels and value. */
    public record Sample(Map<String, String> labels, double value) {
    }

    private ScrapedMetrics() {
    }

    /** Every sample of {@code name} whose labels include {@code labels}. */
    public static List<Sample> samples(String name, Map<String, String> labels) {
        String text = given().auth().oauth2(DevTokens.mint("prometheus", "operations", "admin"))
                .when().get("/q/metrics")
                .then().statusCode(200).extract().asString();
        List<Sample> samples = new ArrayList<>();
        Matcher line = SAMPLE.matcher(text);
        while (line.find()) {
            if (!line.group(1).equals(name)) {
                continue;
            }
            Map<String, String> found = new LinkedHashMap<>();
            Matcher label = LABEL.matcher(line.group(2) == null ? "" : line.group(2));
            while (label.find()) {
                found.put(label.group(1), label.group(2));
            }
            if (found.entrySet().containsAll(labels.entrySet())) {
                samples.add(new Sample(found, Double.parseDouble(line.group(3))));
            }
        }
        return samples;
    }

    /** The value of the one sample of {@code name} without labels. */
    public static double value(String name) {
        List<Sample> samples = samples(name, Map.of());
        if (samples.size() != 1) {
            throw new AssertionError("expected one sample of " + name + " in /q/metrics, found " + samples);
        }
        return samples.get(0).value();
    }
}
