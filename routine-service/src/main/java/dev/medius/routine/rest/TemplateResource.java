package dev.medius.routine.rest;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.medius.routine.domain.Plan;
import dev.medius.routine.service.TemplateService;
import dev.medius.runtime.security.Caller;

@Path("/api/v1/templates")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Caller.COACH, Caller.HEAD_COACH, Caller.ADMIN })
public class TemplateResource {

    @Inject
    TemplateService templates;

    /** A generated or hand-made plan to keep under a title. */
    public record TemplateRequest(@NotBlank @Size(max = 200) String title, @NotNull Plan plan) {
    }

    public record TemplateResponse(UUID id, String title, int version, String coachId, OffsetDateTime createdAt,
            OffsetDateTime updatedAt, Plan plan) {
        static TemplateResponse of(TemplateService.TemplateView view) {
            var t = view.template();
            return new TemplateResponse(t.id, t.title, t.version, t.coachId, t.createdAt, t.updatedAt, view.plan());
        }
    }

    /** Athletes (optionally as a team) who get the template from a start date. */
    public record AssignmentRequest(@NotEmpty @Size(max = 500) List<@NotBlank @Size(max = 200) String> athleteIds,
            @Size(min = 1, max = 200) String teamId, @NotNull LocalDate startDate) {
    }

    @POST
    @Operation(summary = "Keep a generated or hand-made plan as a template")
    public Response create(@NotNull @Valid TemplateRequest request) {
        var view = templates.create(request.title(), request.plan());
        return Response.created(URI.create("/api/v1/templates/" + view.template().id))
                .entity(TemplateResponse.of(view)).build();
    }

    /** A template in a listing, without its plan. */
    public record TemplateSummary(UUID id, String title, int version, String coachId, OffsetDateTime updatedAt) {
    }

    @GET
    @Operation(summary = "The organisation's templates, newest first")
    public List<TemplateSummary> list() {
        return templates.list().stream()
                .map(t -> new TemplateSummary(t.id, t.title, t.version, t.coachId, t.updatedAt)).toList();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a template no assignment refers to")
    public void delete(@PathParam("id") UUID id) {
        templates.delete(id);
    }

    @GET
    @Path("/{id}")
    public TemplateResponse get(@PathParam("id") UUID id) {
        return TemplateResponse.of(templates.get(id));
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change a template", description = "Future sessions of its active assignments that are not recorded yet take the change (plan.changed.v1); past ones stay.")
    public TemplateResponse update(@PathParam("id") UUID id, @NotNull @Valid TemplateRequest request) {
        return TemplateResponse.of(templates.update(id, request.title(), request.plan()));
    }

    @POST
    @Path("/{id}/assignments")
    @Operation(summary = "Assign a template to athletes from a start date", description = "One plan.assigned.v1 per athlete with every scheduled session.")
    public Response assign(@PathParam("id") UUID id, @NotNull @Valid AssignmentRequest request) {
        var created = templates.assign(id, request.athleteIds(), request.teamId(), request.startDate());
        return Response.status(Response.Status.CREATED)
                .entity(created.stream().map(AssignmentResponse::of).toList()).build();
    }
}
