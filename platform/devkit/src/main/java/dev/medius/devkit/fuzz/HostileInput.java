package dev.medius.devkit.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * What a careless or hostile client sends: injection strings for search terms, ids, slugs and query
 * parameters, random JSON, truncated JSON, fields of the wrong type, deep nesting and huge values.
 */
public final class HostileInput {

    /** SQL and LIKE/ILIKE wildcards, path traversal, odd unicode, NUL and other control characters, numbers out of range. */
    public static final List<String> INJECTIONS = List.of("' OR '1'='1", "'; DROP TABLE exercise; --",
            "\" OR \"\"=\"", "1; SELECT pg_sleep(5)", "' UNION SELECT NULL, NULL --", "%", "_", "\\", "%_\\", "%%",
            "\\%", "a%b_c\\d", "../../../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "..\\..\\windows\\win.ini",
            "\u0000", "a\u0000b", "%00", "\r\n", "\t", "😀🏋️‍♀️", "Ω≈ç√∫", "\u202eevil", "ｓｅｌｅｃｔ", "\uFFFF",
            "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "#{7*7}", "{{7*7}}", " ", "", "null", "-1",
            "0", "99999999999999999999999", "NaN", "1e309", "-0", "true", "[]", "{}", "x".repeat(5000));

    private HostileInput() {
    }

    /** Injection strings, random unicode and combinations of both. */
    public static Arbitrary<String> strings() {
        Arbitrary<String> known = Arbitraries.of(INJECTIONS);
        Arbitrary<String> random = Arbitraries.strings().all().ofMaxLength(300);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, known), net.jqwik.api.Tuple.of(2, random),
                net.jqwik.api.Tuple.of(1, Combinators.combine(known, random, known).as((a, b, c) -> a + b + c)));
    }

    /** {@code text} encoded for a query parameter value or a path segment. */
    public static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Any JSON value, nested a little: objects, arrays, strings, numbers, booleans and null. */
    public static Arbitrary<Object> json() {
        return json(4);
    }

    private static Arbitrary<Object> json(int depth) {
        Arbitrary<Object> scalar = Arbitraries.oneOf(strings().map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i), Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.longs().map(l -> (Object) l), Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<Object> child = Arbitraries.lazy(() -> json(depth - 1));
        Arbitrary<Object> list = child.list().ofMaxSize(4).map(l -> (Object) l);
        Arbitrary<Object> map = Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12), child)
                .ofMaxSize(5).map(m -> (Object) m);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, scalar), net.jqwik.api.Tuple.of(1, list),
                net.jqwik.api.Tuple.of(2, map));
    }

    /** One malformed request body derived from {@code validBody}, with what was done to it. */
    public record Body(String json, String change, String field) {
    }

    /**
     * Bodies made from a valid one: random JSON, the body cut short, one field of the wrong type or
     * holding an injection string, 10,000 levels of nesting, and a huge string and array.
     */
    public static Arbitrary<Body> bodies(String validBody) {
        Map<String, Object> valid = parse(validBody);
        List<String> fields = fields(valid, "");
        Arbitrary<Body> random = json().map(value -> new Body(toJson(value), "random JSON", null));
        Arbitrary<Body> truncated = Arbitraries.integers().between(0, Math.max(0, validBody.length() - 1))
                .map(cut -> new Body(validBody.substring(0, cut), "truncated at " + cut, null));
        Arbitrary<Body> wrongType = Combinators.combine(Arbitraries.of(fields), wrongValues()).as((field, value) ->
                new Body(toJson(replaced(valid, field, value)), "wrong type " + toJson(value), field));
        Arbitrary<Body> injected = Combinators.combine(Arbitraries.of(fields), strings()).as((field, value) ->
                new Body(toJson(replaced(valid, field, value)), "injection", null));
        Arbitrary<Body> nested = Arbitraries.of("[", "{\"a\":").map(open -> new Body(nested(open, 10_000),
                "nested 10,000 deep", null));
        Arbitrary<Body> huge = Arbitraries.of(fields).map(field -> new Body(toJson(replaced(valid, field,
                List.of("x".repeat(200_000), List.of(), "y"))), "huge array", null));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, random), net.jqwik.api.Tuple.of(2, truncated),
                net.jqwik.api.Tuple.of(4, wrongType), net.jqwik.api.Tuple.of(3, injected),
                net.jqwik.api.Tuple.of(1, nested), net.jqwik.api.Tuple.of(1, huge));
    }

    /** Bodies for an endpoint that takes any JSON document: random, cut short, deeply nested, huge. */
    public static Arbitrary<Body> anyBodies() {
        Arbitrary<Body> random = json().map(value -> new Body(toJson(value), "random JSON", null));
        Arbitrary<Body> truncated = json().filter(value -> toJson(value).length() > 1).map(value -> {
            String text = toJson(value);
            return new Body(text.substring(0, text.length() / 2), "truncated JSON", null);
        });
        Arbitrary<Body> nested = Arbitraries.of("[", "{\"a\":").map(open -> new Body(nested(open, 10_000),
                "nested 10,000 deep", null));
        Arbitrary<Body> huge = Arbitraries.of(new Body("[" + "{},".repeat(150_000) + "{}]", "huge array", null),
                new Body("\"" + "x".repeat(900_000) + "\"", "huge string", null));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, random), net.jqwik.api.Tuple.of(3, truncated),
                net.jqwik.api.Tuple.of(1, nested), net.jqwik.api.Tuple.of(1, huge));
    }

    /** Values no field of a Medius request has: the wrong JSON type for any field, or a huge string. */
    private static Arbitrary<Object> wrongValues() {
        return Arbitraries.of(List.of(1, 2), Map.of("nested", true), "x".repeat(100_000), true, -1e300,
                "not-a-date", List.of(Map.of()), "");
    }

    static String nested(String open, int depth) {
        String close = open.equals("[") ? "]" : "}";
        return open.repeat(depth) + (open.equals("[") ? "" : "1") + close.repeat(depth);
    }

    /** Every field path of {@code value}, as the problem details name them ({@code weeks[0].sessions}). */
    static List<String> fields(Object value, String prefix) {
        List<String> paths = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> {
                String path = prefix.isEmpty() ? key.toString() : prefix + "." + key;
                paths.add(path);
                paths.addAll(fields(child, path));
            });
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            paths.addAll(fields(list.get(0), prefix + "[0]"));
        }
        return paths;
    }

    @SuppressWarnings("unchecked")
    static Object replaced(Object value, String path, Object replacement) {
        if (path.isEmpty()) {
            return replacement;
        }
        if (path.startsWith("[0]")) {
            List<Object> copy = new ArrayList<>((List<Object>) value);
            String rest = path.substring(3).replaceFirst("^\\.", "");
            copy.set(0, replaced(copy.get(0), rest, replacement));
            return copy;
        }
        int dot = path.indexOf('.');
        int bracket = path.indexOf('[');
        int end = dot < 0 ? bracket : bracket < 0 ? dot : Math.min(dot, bracket);
        String key = end < 0 ? path : path.substring(0, end);
        String rest = end < 0 ? "" : path.substring(end).replaceFirst("^\\.", "");
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) value);
        copy.put(key, replaced(copy.get(key), rest, replacement));
        return copy;
    }

    public static Map<String, Object> parse(String json) {
        try {
            return JsonUtil.parseJson(json);
        } catch (JoseException e) {
            throw new IllegalArgumentException("not a JSON object: " + json, e);
        }
    }

    /** Any value made of maps, lists, strings, numbers, booleans and null, as JSON text. */
    public static String toJson(Object value) {
        return org.jose4j.json.internal.json_simple.JSONValue.toJSONString(value);
    }
}
