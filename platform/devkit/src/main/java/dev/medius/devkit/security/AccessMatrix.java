package dev.medius.devkit.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import dev.medius.devkit.security.ApiSurface.Answer;
import dev.medius.devkit.security.ApiSurface.Operation;

/**
 * Who may do what: every operation of a service × every role (none, athlete, coach, editor, admin)
 * × the data's own organisation and another one, with the answer each must get. The matrix must
 * name exactly the operations of the service's OpenAPI document, so a new endpoint cannot be added
 * without deciding who may call it.
 *
 * <p>Each cell calls the operation on a fresh {@link Target} (so that deleting in one cell does not
 * change the next), with a token of that role for the target's organisation or for another one. An
 * answer to another organisation must not contain any of the target's secrets (its ids, names).
 */
public final class AccessMatrix {

    /** The roles in the order the expected answers are written. */
    public enum Role {
        NONE, ATHLETE, COACH, EDITOR, ADMIN, HEAD_COACH, PLATFORM_OPERATOR;

        String group() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One call: the concrete path (and body, headers) of an operation on data of {@code tenant}. The
     * athlete's token is {@code athlete}'s and the coach's is {@code coach}'s, in both organisations:
     * in another organisation the same person names are strangers.
     */
    public record Target(String path, String body, Map<String, String> headers, String tenant, String athlete,
            String coach, List<String> secrets) {

        public static Target of(String tenant, String path) {
            return new Target(path, null, Map.of(), tenant, "athlete-" + tenant, "coach-" + tenant, List.of());
        }

        public Target body(String json) {
            return new Target(path, json, headers, tenant, athlete, coach, secrets);
        }

        public Target header(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Target(path, body, more, tenant, athlete, coach, secrets);
        }

        public Target people(String athleteId, String coachId) {
            return new Target(path, body, headers, tenant, athleteId, coachId, secrets);
        }

        /** Text of the target's data that another organisation must never see. */
        public Target hiding(String... texts) {
            return new Target(path, body, headers, tenant, athlete, coach, List.of(texts));
        }
    }

    private record Row(Operation operation, int[] own, int[] other, Supplier<Target> target, boolean stream) {
    }

    private final ApiSurface api;
    private final Map<Operation, Row> rows = new LinkedHashMap<>();
    private final String otherTenant = "elsewhere-" + UUID.randomUUID().toString().substring(0, 8);
    private final Set<Operation> healthReads = new LinkedHashSet<>();
    private LongSupplier trailEntries;

    public AccessMatrix(ApiSurface api) {
        this.api = api;
    }

    /**
     * {@code operation} as {@code "GET /api/v1/x/{id}"}; {@code own} and {@code other} the statuses
     * for none, athlete, coach, editor, admin and, where a service gives head coaches a part of their own, head
     * coach, then, where it gives platform operators one, platform operator: e.g. {@code "401 200 200 200 200"},
     * {@code "401 200 200 403 200 200"} or {@code "401 200 200 403 200 200 403"}. A head coach is nobody's coach by
     * plan: what they reach, they reach by their role alone. A platform operator belongs to no organisation's data.
     */
    public AccessMatrix row(String operation, String own, String other, Supplier<Target> target) {
        return add(operation, own, other, target, false);
    }

    /** A row whose successful answer is an endless stream: only its status is read. */
    public AccessMatrix streamRow(String operation, String own, String other, Supplier<Target> target) {
        return add(operation, own, other, target, true);
    }

    private AccessMatrix add(String operation, String own, String other, Supplier<Target> target, boolean stream) {
        Operation op = Operation.parse(operation);
        if (rows.put(op, new Row(op, statuses(own), statuses(other), target, stream)) != null) {
            throw new IllegalArgumentException(op + " twice in the matrix");
        }
        return this;
    }

    /**
     * Checks the access trail as well: each answered call of a {@code healthReads} operation adds exactly one entry to
     * what {@code entries} counts, and every other call (refused, or not a read of health data) adds none.
     */
    public AccessMatrix trail(LongSupplier entries, String... healthReads) {
        this.trailEntries = entries;
        for (String operation : healthReads) {
            this.healthReads.add(Operation.parse(operation));
        }
        return this;
    }

    private static int[] statuses(String text) {
        int[] statuses = Arrays.stream(text.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
        if (statuses.length == Role.values().length - 2 || statuses.length == Role.values().length - 1) {
            // no head coach or operator column: the service gives them no part of their own (0: not called)
            return Arrays.copyOf(statuses, Role.values().length);
        }
        if (statuses.length != Role.values().length) {
            throw new IllegalArgumentException("need one status per role " + Arrays.toString(Role.values()) + ": " + text);
        }
        return statuses;
    }

    /** Operations documented but not in the matrix, and rows for operations no longer documented. */
    public List<String> coverage(List<Operation> documented) {
        List<String> wrong = new ArrayList<>();
        Set<Operation> listed = new LinkedHashSet<>(rows.keySet());
        for (Operation operation : documented) {
            if (!listed.remove(operation)) {
                wrong.add(operation + " is documented but not in the access matrix: decide who may call it");
            }
        }
        listed.forEach(operation -> wrong.add(operation + " is in the access matrix but not documented"));
        return wrong;
    }

    /** Calls every cell; returns every answer that differs from the matrix, empty when all agree. */
    public List<String> verify() {
        List<String> wrong = new ArrayList<>();
        for (Row row : rows.values()) {
            for (Role role : Role.values()) {
                if (row.own()[role.ordinal()] == 0) {
                    continue;
                }
                cell(row, role, true, row.own()[role.ordinal()], wrong);
                cell(row, role, false, row.other()[role.ordinal()], wrong);
            }
        }
        return wrong;
    }

    private void cell(Row row, Role role, boolean own, int expected, List<String> wrong) {
        Target target = row.target().get();
        String tenant = own ? target.tenant() : otherTenant;
        String token = switch (role) {
            case NONE -> null;
            case ATHLETE -> DevTokens.mint(target.athlete(), tenant, role.group());
            case COACH -> DevTokens.mint(target.coach(), tenant, role.group());
            default -> DevTokens.mint(role.group() + "-" + target.tenant(), tenant, role.group());
        };
        long before = trailEntries == null ? 0 : trailEntries.getAsLong();
        Answer answer = api.call(row.operation().method(), target.path(), token, target.body(), target.headers(),
                row.stream());
        String what = row.operation() + " as " + role.group() + " of " + (own ? "the same" : "another")
                + " organisation (" + target.path() + ")";
        ErrorBodies.check(what, answer, expected, wrong);
        if (trailEntries != null) {
            long added = trailEntries.getAsLong() - before;
            long due = healthReads.contains(row.operation()) && answer.status() < 300 ? 1 : 0;
            if (added != due) {
                wrong.add(what + ": " + added + " access trail entries, not " + due);
            }
        }
        if (!own && answer.status() < 300) {
            for (String secret : target.secrets()) {
                if (answer.body().contains(secret)) {
                    wrong.add(what + ": shows '" + secret + "' of another organisation");
                }
            }
        }
    }
}
