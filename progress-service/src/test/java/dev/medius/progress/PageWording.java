package dev.medius.progress;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard page's wording of flag reasons (messages.js), applied to a finding's facts as the page does, so that
 * a test can hold the page's English words to the server's and read what the Spanish page shows.
 */
final class PageWording {

    private static final Pattern ENTRY = Pattern.compile("'((?:reason|cause|signal|low)\\.[\\w-]+)': '((?:[^'\\\\]|\\\\.)*)'");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Pattern NUMBERED = Pattern.compile("\\{(\\d)}");
    private static final Map<String, String> ENGLISH = words("en: {", "es: {");
    private static final Map<String, String> SPANISH = words("es: {", null);

    private PageWording() {
    }

    /** The reason as the English page words it, or null when the page has no wording for the facts' message. */
    static String reason(Map<String, String> facts) {
        return reason(facts, ENGLISH);
    }

    /** The reason as the Spanish page words it; an entry it lacks is taken from the English, as the page does. */
    static String spanishReason(Map<String, String> facts) {
        Map<String, String> words = new HashMap<>(ENGLISH);
        words.putAll(SPANISH);
        return reason(facts, words);
    }

    private static String reason(Map<String, String> facts, Map<String, String> words) {
        String template = words.get("reason." + facts.get("message"));
        if (template == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = switch (name) {
                case "area" -> facts.get("area") == null || facts.get("area").isEmpty() ? "" : " (" + facts.get("area") + ")";
                case "cause" -> words.get("cause." + facts.get("cause"));
                case "signals" -> facts.containsKey("lows") ? lows(facts.get("lows"), words) : facts.get("signals");
                default -> facts.getOrDefault(name, m.group());
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    private static String lows(String fact, Map<String, String> words) {
        StringJoiner joined = new StringJoiner(", ");
        for (String low : fact.split(",")) {
            String[] part = low.split(":");
            String answer = fill(words.get(part[0].equals("sleep-hours") ? "low.hours" : "low.scale"),
                    words.get("signal." + part[0]), part[1]);
            joined.add(part.length > 2 ? fill(words.get("low.usual"), answer, part[2]) : answer);
        }
        return joined.toString();
    }

    private static String fill(String template, String... args) {
        return NUMBERED.matcher(template).replaceAll(m -> Matcher.quoteReplacement(args[Integer.parseInt(m.group(1))]));
    }

    private static Map<String, String> words(String from, String to) {
        try (InputStream in = PageWording.class.getResourceAsStream("/META-INF/resources/dashboard/messages.js")) {
            String js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String block = js.substring(js.indexOf(from), to == null ? js.length() : js.indexOf(to));
            Map<String, String> words = new HashMap<>();
            Matcher m = ENTRY.matcher(block);
            while (m.find()) {
                words.put(m.group(1), m.group(2).replace("\\'", "'"));
            }
            return words;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
