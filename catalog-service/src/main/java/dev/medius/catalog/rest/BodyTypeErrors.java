package dev.medius.catalog.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.medius.runtime.problem.ProblemMappers;

/**
 * A body value of the wrong type ("three" for a number) answers problem details naming the field; without
 * this, the REST layer's own, more specific mapper would answer in its own format.
 */
public class BodyTypeErrors {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper(priority = 1)
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return problems.unreadable(e, uri);
    }
}
