package dev.medius.routine.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.medius.routine.service.TemplateService;
import dev.medius.runtime.security.Caller;

@Path("/api/v1/assignments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Caller.COACH, Caller.HEAD_COACH, Caller.ADMIN })
public class AssignmentResource {

    @Inject
    TemplateService templates;

    public record CancelRequest(@Size(max = 500) String reason) {
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Cancel an assignment from today (plan.cancelled.v1)")
    public void delete(@PathParam("id") UUID id) {
        templates.cancel(id, null);
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel an assignment from today, with a reason (plan.cancelled.v1)")
    public AssignmentResponse cancel(@PathParam("id") UUID id, @Valid CancelRequest request) {
        return AssignmentResponse.of(templates.cancel(id, request == null ? null : request.reason()));
    }
}
