package dev.medius.progress;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.medius.runtime.seal.SealedData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stands in for routine-service in this service's tests, over HTTP as routine-service serves it: the athletes' keys (a
 * key per athlete of an organisation, made on first request, fetched by its id), which the tests open sealed alerts
 * with, and the retention of session reports, whose orders it keeps for the tests to read.
 */
@QuarkusTestResource(RoutineStandIn.Lifecycle.class)
public final class RoutineStandIn {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** What the service presents; the stand-in refuses a request without it. */
    static final String TOKEN = "stand-in-service-token";

    private record Key(String kid, String tenant, String athleteId, byte[] secret) {
    }

    private static final Map<String, Key> BY_ATHLETE = new ConcurrentHashMap<>();
    private static final Map<String, Key> BY_ID = new ConcurrentHashMap<>();
    private static final List<JsonNode> RETENTION_ORDERS = new CopyOnWriteArrayList<>();
    private static volatile boolean away;

    private RoutineStandIn() {
    }

    /** While away, every request is answered 503, as by a routine-service that cannot serve. */
    public static void away(boolean isAway) {
        away = isAway;
    }

    /** The retention orders received, oldest first. */
    public static List<JsonNode> retentionOrders() {
        return List.copyOf(RETENTION_ORDERS);
    }

    /** The data of a record as the contract describes it: sealed data opened with the athlete's key. */
    public static String open(String value) {
        try {
            JsonNode data = JSON.readTree(value);
            String sealed = data.path(SealedData.MEMBER).asText(null);
            if (sealed == null) {
                throw new AssertionError("not sealed: the record's data is readable without the athlete's key");
            }
            Key key = BY_ID.get(SealedData.keyId(sealed));
            if (key == null) {
                throw new AssertionError("sealed with a key the stand-in never gave");
            }
            return SealedData.open(sealed, key.secret());
        } catch (IOException e) {
            throw new AssertionError("the record's data is not JSON", e);
        }
    }

    /** The data sealed with the athlete's key, as routine-service publishes it: {"sealed": "..."}. */
    public static String seal(String tenant, String athlete, String data) {
        Key key = BY_ATHLETE.computeIfAbsent(tenant + "\n" + athlete, k -> Lifecycle.made(tenant, athlete));
        try {
            return JSON.writeValueAsString(Map.of(SealedData.MEMBER, SealedData.seal(key.kid(), key.secret(), data)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts the stand-in and points the service at it. */
    public static final class Lifecycle implements QuarkusTestResourceLifecycleManager {

        private HttpServer server;

        @Override
        public Map<String, String> start() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/api/v1/athlete-keys", Lifecycle::handle);
            server.createContext("/api/v1/admin/retention", Lifecycle::handle);
            server.start();
            return Map.of("medius.routine.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                    "medius.athlete-keys.token", TOKEN);
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop(0);
            }
        }

        private static void handle(HttpExchange exchange) throws IOException {
            try (exchange; InputStream body = exchange.getRequestBody()) {
                if (away) {
                    respond(exchange, 503, null);
                    return;
                }
                if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    respond(exchange, 401, null);
                    return;
                }
                String path = exchange.getRequestURI().getPath();
                if (exchange.getRequestMethod().equals("POST") && path.equals("/api/v1/admin/retention")) {
                    RETENTION_ORDERS.add(JSON.readTree(body));
                    respond(exchange, JSON.writeValueAsBytes(Map.of("reportsRemoved", 0)));
                } else if (exchange.getRequestMethod().equals("POST") && path.equals("/api/v1/athlete-keys")) {
                    JsonNode request = JSON.readTree(body);
                    String tenant = request.path("tenant").asText();
                    String athlete = request.path("athleteId").asText();
                    respond(exchange, 200, BY_ATHLETE.computeIfAbsent(tenant + "\n" + athlete, k -> made(tenant, athlete)));
                } else if (exchange.getRequestMethod().equals("GET")) {
                    respond(exchange, 200, BY_ID.get(path.substring(path.lastIndexOf('/') + 1)));
                } else {
                    respond(exchange, 405, null);
                }
            }
        }

        private static Key made(String tenant, String athlete) {
            byte[] secret = new byte[SealedData.KEY_BYTES];
            RANDOM.nextBytes(secret);
            Key key = new Key(UUID.randomUUID().toString(), tenant, athlete, secret);
            BY_ID.put(key.kid(), key);
            return key;
        }

        private static void respond(HttpExchange exchange, int status, Key key) throws IOException {
            if (key == null) {
                exchange.sendResponseHeaders(status == 200 ? 404 : status, -1);
                return;
            }
            respond(exchange, JSON.writeValueAsBytes(Map.of("kid", key.kid(), "kty", "oct", "alg", "A256GCM",
                    "k", Base64.getUrlEncoder().withoutPadding().encodeToString(key.secret()), "tenant", key.tenant(),
                    "athleteId", key.athleteId())));
        }

        private static void respond(HttpExchange exchange, byte[] body) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
