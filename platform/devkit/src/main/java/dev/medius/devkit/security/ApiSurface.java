package dev.medius.devkit.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * A running service seen from outside: the operations its OpenAPI document declares, and plain HTTP
 * calls to them that tell what a client would see (status, content type, body).
 */
public final class ApiSurface {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;

    /** {@code base} is the service's root, e.g. {@code http://localhost:8081/}. */
    public ApiSurface(URI base) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
    }

    /** One documented method on one path template, e.g. {@code GET /api/v1/exercises/{idOrSlug}}. */
    public record Operation(String method, String path) {

        public static Operation parse(String text) {
            String[] parts = text.trim().split("\\s+", 2);
            return new Operation(parts[0].toUpperCase(Locale.ROOT), parts[1]);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** What came back; {@code body} is empty for a stream that was not read. */
    public record Answer(int status, String contentType, String body) {

        public boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        /** The problem body's {@code status}, or -1 when the body is not a problem with one. */
        public int problemStatus() {
            Object status = json().get("status");
            return status instanceof Number number ? number.intValue() : -1;
        }

        public Map<String, Object> json() {
            try {
                return JsonUtil.parseJson(body);
            } catch (JoseException | RuntimeException e) {
                return Map.of();
            }
        }
    }

    /** Every operation of the service's OpenAPI document, read with {@code token}. */
    public List<Operation> operations(String token) {
        Answer answer = call("GET", "/q/openapi?format=json", token, null, Map.of(), false);
        if (answer.status() != 200) {
            throw new AssertionError("OpenAPI document answered " + answer.status() + ": " + answer.body());
        }
        Object paths = answer.json().get("paths");
        if (!(paths instanceof Map<?, ?> byPath) || byPath.isEmpty()) {
            throw new AssertionError("OpenAPI document without paths");
        }
        List<Operation> operations = new ArrayList<>();
        byPath.forEach((path, item) -> ((Map<?, ?>) item).keySet().stream()
                .map(Object::toString)
                .filter(METHODS::contains)
                .forEach(method -> operations.add(new Operation(method.toUpperCase(Locale.ROOT), path.toString()))));
        return operations;
    }

    /**
     * Calls {@code path} (relative to the service root). Without {@code token} no Authorization
     * header is sent. A {@code stream} answer is not read beyond its status line and headers.
     */
    public Answer call(String method, String path, String token, String jsonBody, Map<String, String> headers,
            boolean stream) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path.replaceFirst("^/", "")))
                .timeout(Duration.ofSeconds(60))
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            try (InputStream in = response.body()) {
                boolean endless = stream && response.statusCode() < 300;
                String body = endless ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return new Answer(response.statusCode(), contentType, body);
            }
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** {@code path} with every {@code {parameter}} replaced by {@code value}. */
    public static String fill(String path, String value) {
        return path.replaceAll("\\{[^}]+}", value);
    }

    /**
     * Without a token, every documented operation and every {@code /q/} endpoint but health answers
     * 401 with problem details; health answers without one. Returns what was wrong, empty when all is well.
     */
    public List<String> unauthenticatedAnswers(String token) {
        List<String> wrong = new ArrayList<>();
        for (Operation operation : operations(token)) {
            String path = fill(operation.path(), UUID.randomUUID().toString());
            String body = Set.of("POST", "PUT", "PATCH").contains(operation.method()) ? "{}" : null;
            Answer answer = call(operation.method(), path, null, body, Map.of(), false);
            ErrorBodies.check(operation + " without a token", answer, 401, wrong);
        }
        for (String path : List.of("/q/metrics", "/q/openapi", "/q/openapi?format=json", "/q/swagger-ui",
                "/q/swagger-ui/", "/q/swagger-ui/index.html", "/q/dev-ui", "/q/arc", "/q/anything")) {
            ErrorBodies.check("GET " + path + " without a token", call("GET", path, null, null, Map.of(), false), 401,
                    wrong);
        }
        for (String path : List.of("/q/health", "/q/health/live", "/q/health/ready", "/q/health/started")) {
            Answer answer = call("GET", path, null, null, Map.of(), false);
            if (answer.status() != 200 && answer.status() != 503) {
                wrong.add("GET " + path + " without a token answered " + answer.status() + ", expected health");
            }
        }
        return wrong;
    }

    /**
     * Everything a caller without a valid token could reach that it should not: {@link
     * #unauthenticatedAnswers}, {@link #operationsEndpointsWithToken} and {@link #attacksRefused}
     * on {@code attackPaths}, together. Empty when the service lets nobody in.
     */
    public List<String> exposure(String validToken, List<String> attackPaths) {
        List<String> wrong = new ArrayList<>(unauthenticatedAnswers(validToken));
        wrong.addAll(operationsEndpointsWithToken(validToken));
        wrong.addAll(attacksRefused(attackPaths, validToken));
        return wrong;
    }

    /** With a valid token, metrics, the OpenAPI document and Swagger UI answer. Returns what did not. */
    public List<String> operationsEndpointsWithToken(String token) {
        List<String> wrong = new ArrayList<>();
        for (String path : List.of("/q/metrics", "/q/openapi", "/q/swagger-ui/")) {
            Answer answer = call("GET", path, token, null, Map.of(), false);
            if (answer.status() != 200) {
                wrong.add("GET " + path + " with a token answered " + answer.status());
            }
        }
        return wrong;
    }

    /**
     * Every {@link AttackTokens attack token} gets 401 problem details on each of {@code paths}
     * (GET), while {@code valid} is accepted there. Returns what was wrong.
     */
    public List<String> attacksRefused(List<String> paths, String valid) {
        List<String> wrong = new ArrayList<>();
        for (String path : paths) {
            Answer accepted = call("GET", path, valid, null, Map.of(), false);
            if (accepted.status() != 200) {
                wrong.add("GET " + path + " with a valid token answered " + accepted.status());
            }
            AttackTokens.all("intruder", "club-victim").forEach((attack, token) -> ErrorBodies.check(
                    "GET " + path + " with a token that is " + attack, call("GET", path, token, null, Map.of(), false),
                    401, wrong));
        }
        return wrong;
    }
}
