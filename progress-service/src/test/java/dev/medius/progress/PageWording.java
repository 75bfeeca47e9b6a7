package dev.medius.progress;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard page's English wording of flag reasons (messages.js), applied to a finding's facts as the page does,
 * so that a test can hold the page's words to the server's.
 */
final class PageWording {

    private static final Pattern ENTRY = Pattern.compile("'((?:reason|cause)\\.[\\w-]+)': '((?:[^'\\\\]|\\\\.)*)'");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Map<String, String> ENGLISH = english();

    private PageWording() {
    }

    /** The reason as the English page words it, or null when the page has no wording for the facts' message. */
    static String reason(Map<String, String> facts) {
        String template = ENGLISH.get("reason." + facts.get("message"));
        if (template == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = switch (name) {
                case "area" -> facts.get("area") == null || facts.get("area").isEmpty() ? "" : " (" + facts.get("area") + ")";
                case "cause" -> ENGLISH.get("cause." + facts.get("cause"));
                default -> facts.getOrDefault(name, m.group());
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    private static Map<String, String> english() {
        try (InputStream in = PageWording.class.getResourceAsStream("/META-INF/resources/dashboard/messages.js")) {
            String js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // the English block comes first: its entries are the first of each key
            String en = js.substring(js.indexOf("en: {"), js.indexOf("es: {"));
            Map<String, String> words = new HashMap<>();
            Matcher m = ENTRY.matcher(en);
            while (m.find()) {
                words.put(m.group(1), m.group(2).replace("\\'", "'"));
            }
            return words;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
