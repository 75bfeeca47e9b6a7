package dev.medius.devkit.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.medius.devkit.security.ApiSurface;
import dev.medius.devkit.security.ApiSurface.Answer;
import dev.medius.devkit.security.ErrorBodies;
import net.jqwik.api.Arbitrary;

/**
 * The property every endpoint must hold for any input: never a 5xx; an error is problem details
 * with its status, showing nothing of the inside of the service; a 400 for a field of the wrong type
 * names that field (or the object around it).
 */
public final class FuzzProbe {

    private final ApiSurface api;
    private final String token;
    private final List<String> wrong = new ArrayList<>();
    private int tries;
    private boolean unavailableAllowed;

    /** {@code quarkus.http.limits.max-initial-line-length} of platform/runtime. */
    static final int MAX_REQUEST_LINE = 16 * 1024;

    private static int requestLineLength(String method, String target) {
        return (method + " " + target + " HTTP/1.1").getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    public FuzzProbe(ApiSurface api, String token) {
        this.api = api;
        this.token = token;
    }

    /**
     * Accepts 503 problem details: for a service that must ask another one, which these tests do
     * not run, about input it cannot judge alone (routine-service about an exercise its read model lacks).
     */
    public FuzzProbe allowingUnavailableDependency() {
        unavailableAllowed = true;
        return this;
    }

    /** {@code count} requests with paths (and query strings) made from hostile strings. */
    public FuzzProbe paths(String method, Function<String, String> path, int count) {
        HostileInput.strings().sampleStream().limit(count).forEach(text -> {
            String target = path.apply(HostileInput.encoded(text));
            Answer answer = api.call(method, target, token, null, Map.of(), false);
            if (requestLineLength(method, target) > MAX_REQUEST_LINE) {
                // refused by the HTTP codec before any Medius code runs: the documented answer is a bare 414
                tries++;
                if (answer.status() != 414) {
                    wrong.add(method + " " + abbreviate(target) + ": a request line over " + MAX_REQUEST_LINE
                            + " bytes answered " + answer.status() + " instead of 414");
                }
                return;
            }
            check(method + " " + target, answer, null, text);
        });
        return this;
    }

    /** {@code count} malformed bodies derived from {@code validBody}, sent to {@code path}. */
    public FuzzProbe bodies(String method, String path, String validBody, int count) {
        return bodies(method, path, HostileInput.bodies(validBody), count);
    }

    public FuzzProbe bodies(String method, String path, Arbitrary<HostileInput.Body> bodies, int count) {
        bodies.sampleStream().limit(count).forEach(body -> check(method + " " + path + " with " + body.change()
                + (body.field() == null ? "" : " in " + body.field()) + ": " + abbreviate(body.json()),
                api.call(method, path, token, body.json(), Map.of(), false), body.field(), body.json()));
        return this;
    }

    /** A JSON body of about {@code bytes} bytes, over the configured maximum, answers 413 problem details. */
    public FuzzProbe oversized(String method, String path, int bytes) {
        tries++;
        String body = "{\"padding\": \"" + "x".repeat(bytes) + "\"}";
        ErrorBodies.check(method + " " + path + " with a body of " + bytes + " bytes",
                api.call(method, path, token, body, Map.of(), false), 413, wrong);
        return this;
    }

    private void check(String what, Answer answer, String field, String... sent) {
        tries++;
        if (answer.status() == 503 && unavailableAllowed && answer.isProblem()) {
            ErrorBodies.check(what, answer, 503, wrong, sent);
            return;
        }
        if (answer.status() >= 500) {
            wrong.add(what + ": " + answer.status() + " " + abbreviate(answer.body()));
            return;
        }
        if (answer.status() < 400) {
            return;
        }
        ErrorBodies.check(what, answer, answer.status(), wrong, sent);
        if (field != null && answer.status() == 400 && !namesField(answer, field)) {
            wrong.add(what + ": 400 does not name the field: " + abbreviate(answer.body()));
        }
    }

    @SuppressWarnings("unchecked")
    private static boolean namesField(Answer answer, String field) {
        Object errors = answer.json().get("errors");
        if (!(errors instanceof List<?> list) || list.isEmpty()) {
            return false;
        }
        for (Object error : list) {
            Object named = ((Map<String, Object>) error).get("field");
            String at = named == null ? "" : named.toString();
            if (!at.isEmpty() && (at.startsWith(field) || field.startsWith(at))) {
                return true;
            }
        }
        return false;
    }

    /** What went wrong over every request so far; empty when every answer held the property. */
    public List<String> failures() {
        if (tries == 0) {
            return List.of("no request was sent");
        }
        return wrong;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
