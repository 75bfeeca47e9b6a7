package dev.medius.devkit.security;

import java.util.ArrayList;
import java.util.List;

/**
 * What an error answer must be: RFC 9457 problem details with the status repeated in the body, and
 * nothing of the inside of the service (stack traces, class names, SQL) in it.
 */
public final class ErrorBodies {

    /** Fragments that only a stack trace, an exception message, a class name or a database error contains. */
    public static final List<String> LEAKS = List.of("Exception", "\tat ", "at dev.medius", "at java.", "at io.",
            "at org.", "dev.medius.", "java.lang", "java.util", "jakarta.", "io.quarkus", "io.vertx",
            "org.hibernate", "org.postgresql", "com.fasterxml", "SQL", "ERROR:  ", "select ", "insert into",
            "Caused by", "Hibernate", "jdbc", "PSQL");

    private ErrorBodies() {
    }

    /**
     * Adds to {@code wrong} what is wrong with {@code answer} for the {@code expected} status (any
     * status of 400 or more when {@code expected} is 0). Text the client sent ({@code sent}) may come
     * back quoted in the body and is not counted as a leak.
     */
    public static void check(String what, ApiSurface.Answer answer, int expected, List<String> wrong, String... sent) {
        boolean statusOk = expected == 0 ? answer.status() >= 400 && answer.status() < 500 : answer.status() == expected;
        if (!statusOk) {
            wrong.add(what + ": status " + answer.status() + " instead of " + (expected == 0 ? "4xx" : expected) + " "
                    + abbreviate(answer.body()));
            return;
        }
        if (answer.status() < 400) {
            return;
        }
        if (!answer.isProblem()) {
            wrong.add(what + ": " + answer.status() + " as " + answer.contentType() + " instead of problem details: "
                    + abbreviate(answer.body()));
            return;
        }
        if (answer.problemStatus() != answer.status()) {
            wrong.add(what + ": problem body status " + answer.problemStatus() + " for HTTP " + answer.status());
        }
        List<String> leaks = leaks(answer.body(), sent);
        if (!leaks.isEmpty()) {
            wrong.add(what + ": body shows " + leaks + ": " + abbreviate(answer.body()));
        }
    }

    /** The leak fragments in {@code body} once what the client sent is taken out of it. */
    public static List<String> leaks(String body, String... sent) {
        String rest = body;
        for (String text : sent) {
            if (text != null && !text.isEmpty()) {
                rest = rest.replace(text, "");
                // a problem quotes at most the start of a long value
                rest = text.length() > 40 ? rest.replace(text.substring(0, 40), "") : rest;
            }
        }
        List<String> found = new ArrayList<>();
        for (String leak : LEAKS) {
            if (rest.contains(leak)) {
                found.add(leak);
            }
        }
        return found;
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
