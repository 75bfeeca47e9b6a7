package dev.medius.runtime.problem;

import java.util.List;

/**
 * Thrown by services to refuse a request for a reason of the domain (a stale version, a missing
 * exercise, a rule broken); mapped to problem details with the given status.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final java.net.URI type;

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        this(null, status, title, detail, errors);
    }

    /** A refusal of its own documented type, for answers a client must tell apart from a plain invalid request. */
    public ProblemException(java.net.URI type, int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.type = type;
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not Found", what + " does not exist");
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(400, "Invalid request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public Problem toProblem() {
        Problem problem = Problem.of(status, title, getMessage()).withErrors(errors);
        return type == null ? problem
                : new Problem(type, problem.title(), status, problem.detail(), problem.instance(), problem.errors());
    }

    public int status() {
        return status;
    }
}
