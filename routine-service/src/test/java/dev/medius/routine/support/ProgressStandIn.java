package dev.medius.routine.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in progress-service for every @QuarkusTest of this service: it answers an athlete's export with what a test
 * gave for that athlete of the caller's organisation (the token's {@code tenant} claim), else 404 as progress-service
 * does for an athlete it holds nothing about, and notes each call.
 */
@QuarkusTestResource(ProgressStandIn.class)
public class ProgressStandIn implements QuarkusTestResourceLifecycleManager {

    private static final String PREFIX = "/api/v1/athletes/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> EXPORTS = new ConcurrentHashMap<>();
    private static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    private static HttpServer server;

    /** A request the stand-in received: the athlete and the Authorization header. */
    public record Call(String athleteId, String authorization) {
    }

    /** From now on the export of the organisation's athlete answers 200 with this body. */
    public static void exports(String tenant, String athleteId, String json) {
        EXPORTS.put(tenant + "/" + athleteId, json);
    }

    /** The calls about this athlete so far. */
    public static List<Call> calls(String athleteId) {
        return CALLS.stream().filter(call -> call.athleteId().equals(athleteId)).toList();
    }

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext(PREFIX, exchange -> {
                String path = exchange.getRequestURI().getPath();
                String athlete = path.substring(PREFIX.length(), Math.max(PREFIX.length(), path.lastIndexOf("/export")));
                CALLS.add(new Call(athlete, exchange.getRequestHeaders().getFirst("Authorization")));

                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                String known = path.endsWith("/export") ? EXPORTS.get(tenant(authorization) + "/" + athlete) : null;
                int status = known == null ? 404 : 200;
                byte[] body = (known == null ? "{\"status\":404,\"title\":\"Not Found\"}" : known)
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type",
                        known == null ? "application/problem+json" : "application/json");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }
        return Map.of("medius.progress.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The {@code tenant} claim of a bearer token, read without checking it: the service checked it already. */
    private static String tenant(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1])).path("tenant").asText(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void stop() {
        // shared by every test of the JVM, like the broker: it ends with the JVM
    }
}
