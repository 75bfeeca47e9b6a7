package dev.medius.progress.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A flag rule that holds now, with the number that tripped it. {@code reason} says why in English (events, API);
 * {@code facts} holds what it cites, under a {@code message} naming its wording, so a page can say it in the
 * coach's language.
 */
public record FlagFinding(FlagKind kind, String reason, Double value, Double threshold, Map<String, String> facts) {

    public FlagFinding {
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }

    /** The facts a reason cites: a message name, then names and values in pairs. */
    public static Map<String, String> facts(String message, Object... namesAndValues) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("message", message);
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            facts.put(String.valueOf(namesAndValues[i]), value == null ? "" : String.valueOf(value));
        }
        return facts;
    }
}
