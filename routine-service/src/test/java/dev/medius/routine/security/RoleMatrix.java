package dev.medius.routine.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import dev.medius.devkit.security.AccessMatrix;
import dev.medius.devkit.security.AccessMatrix.Target;
import dev.medius.devkit.security.ApiSurface;
import dev.medius.devkit.security.ApiSurface.Answer;
import dev.medius.devkit.security.ApiSurface.Operation;
import dev.medius.devkit.security.DevTokens;
import dev.medius.devkit.security.ErrorBodies;
import dev.medius.runtime.security.Caller;

/**
 * The devkit's access matrix with routine-service's sixth role: each row gives the answers of none, athlete, coach,
 * editor, admin and head coach, in the target's organisation and in another one. The head coach is nobody's coach by
 * plan: what they reach, they reach by their role alone.
 */
final class RoleMatrix {

    private record HeadCoachCell(Operation operation, int own, int other, Supplier<Target> target) {
    }

    private final ApiSurface api;
    private final AccessMatrix matrix;
    private final List<HeadCoachCell> headCoach = new ArrayList<>();
    private final String otherTenant = "elsewhere-" + UUID.randomUUID().toString().substring(0, 8);

    RoleMatrix(ApiSurface api) {
        this.api = api;
        this.matrix = new AccessMatrix(api);
    }

    /** {@code own} and {@code other} as six statuses, e.g. {@code "401 200 200 403 200 200"}. */
    RoleMatrix row(String operation, String own, String other, Supplier<Target> target) {
        matrix.row(operation, fiveOf(own), fiveOf(other), target);
        headCoach.add(new HeadCoachCell(Operation.parse(operation), sixth(own), sixth(other), target));
        return this;
    }

    List<String> coverage(List<Operation> documented) {
        return matrix.coverage(documented);
    }

    /** Every answer that differs from the matrix, the head coach's included; empty when all agree. */
    List<String> verify() {
        List<String> wrong = new ArrayList<>(matrix.verify());
        for (HeadCoachCell cell : headCoach) {
            check(cell, true, wrong);
            check(cell, false, wrong);
        }
        return wrong;
    }

    private void check(HeadCoachCell cell, boolean own, List<String> wrong) {
        Target target = cell.target().get();
        String token = DevTokens.mint("head-coach-" + target.tenant(), own ? target.tenant() : otherTenant,
                Caller.HEAD_COACH);
        Answer answer = api.call(cell.operation().method(), target.path(), token, target.body(), target.headers(),
                false);
        String what = cell.operation() + " as head coach of " + (own ? "the same" : "another") + " organisation ("
                + target.path() + ")";
        ErrorBodies.check(what, answer, own ? cell.own() : cell.other(), wrong);
        if (!own && answer.status() < 300) {
            target.secrets().stream().filter(answer.body()::contains)
                    .forEach(secret -> wrong.add(what + ": shows '" + secret + "' of another organisation"));
        }
    }

    private static String fiveOf(String six) {
        return String.join(" ", Arrays.copyOf(statuses(six), 5));
    }

    private static int sixth(String six) {
        return Integer.parseInt(statuses(six)[5]);
    }

    private static String[] statuses(String six) {
        String[] statuses = six.trim().split("\\s+");
        if (statuses.length != 6) {
            throw new IllegalArgumentException("need none, athlete, coach, editor, admin and head coach: " + six);
        }
        return statuses;
    }
}
