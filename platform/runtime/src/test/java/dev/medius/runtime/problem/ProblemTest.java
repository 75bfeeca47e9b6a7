package dev.medius.runtime.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.SQLException;
import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void eachStatusHasItsDocumentedType() {
        assertThat(Problem.of(400, "Invalid request", "x").type()).hasToString("https://medius.dev/problems/invalid-request");
        assertThat(Problem.of(412, "Precondition Failed", "x").type())
                .hasToString("https://medius.dev/problems/precondition-failed");
        assertThat(Problem.of(502, "Bad Gateway", "x").type()).hasToString("https://medius.dev/problems/internal-error");
        assertThat(Problem.of(418, "I'm a teapot", "x").type()).hasToString("https://medius.dev/problems/http-418");
    }

    @Test
    void anInvalidFieldIsNamedInTheDetailAndTheErrors() {
        Problem problem = ProblemException.invalidField("prescription.sets", "must be at least 1").toProblem();

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.detail()).isEqualTo("prescription.sets: must be at least 1");
        assertThat(problem.errors()).containsExactly(new Problem.FieldError("prescription.sets", "must be at least 1"));
    }

    @Test
    void aRefusalOfItsOwnTypeKeepsIt() {
        URI stale = URI.create("https://medius.dev/problems/stale-version");
        Problem problem = new ProblemException(stale, 412, "Precondition Failed", "version 3 is not the latest",
                List.of()).toProblem().withInstance("/api/v1/exercises/squat");

        assertThat(problem.type()).isEqualTo(stale);
        assertThat(problem.title()).isEqualTo("Precondition Failed");
        assertThat(problem.instance()).isEqualTo("/api/v1/exercises/squat");
    }

    @Test
    void aDatabaseAwayOrBusyIsAnsweredWithATimeToRetryAndAnyOtherFailureIsAnInternalError() {
        ProblemMappers mappers = new ProblemMappers();
        Response away = mappers.unexpected(new IllegalStateException("Unable to acquire JDBC Connection",
                new SQLException("Sorry, acquisition timeout!")), null);
        Response deadlock = mappers.unexpected(new SQLException("deadlock detected", "40P01"), null);
        Response refused = mappers.unexpected(new SQLException("duplicate key", "23505"), null);

        assertThat(away.getStatus()).isEqualTo(503);
        assertThat(away.getHeaderString(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(((Problem) away.getEntity()).detail()).doesNotContain("acquisition");
        assertThat(deadlock.getStatus()).isEqualTo(503);
        assertThat(refused.getStatus()).isEqualTo(500);
        assertThat(refused.getHeaderString(HttpHeaders.RETRY_AFTER)).isNull();
    }
}
