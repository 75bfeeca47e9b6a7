package dev.medius.runtime.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.medius.runtime.security.Caller;
import io.quarkus.security.Authenticated;

/** Tells integrators how the service reads their token: subject, organisation and roles. */
@Path("/api/v1/me")
@Authenticated
@Tag(name = "Identity")
public class CallerResource {

    /** The identity a bearer token carries, as this service understands it. */
    public record Identity(String subject, String tenant, List<String> roles) {
    }

    @Inject
    Caller caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Who the bearer token says you are", description = "Subject, tenant and roles read from the token.")
    public Identity me() {
        return new Identity(caller.subject(), caller.tenant(), caller.roles().stream().sorted().toList());
    }
}
