package dev.medius.routine.rest;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.medius.routine.domain.SafetyText;
import dev.medius.routine.service.AthleteErasure;
import dev.medius.routine.service.PlanDocuments;
import dev.medius.routine.service.ReadinessService;
import dev.medius.routine.service.SessionRecordService;
import dev.medius.routine.service.SessionReports.CompletionRequest;
import dev.medius.routine.service.SessionReports.SkipRequest;
import dev.medius.routine.service.TemplateService;
import dev.medius.runtime.security.Caller;
import dev.medius.runtime.trail.HealthDataRead;

/**
 * An athlete's calendar and session records: the athlete, the athlete's coaches, or a head coach or admin of the
 * organisation.
 */
@Path("/api/v1/athletes/{athleteId}")
@RolesAllowed({ Caller.ADMIN, Caller.HEAD_COACH, Caller.COACH, Caller.ATHLETE })
public class AthleteResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    TemplateService templates;

    @Inject
    SessionRecordService records;

    @Inject
    PlanDocuments documents;

    @Inject
    AthleteErasure erasure;

    @Inject
    ReadinessService readiness;

    @Inject
    Clock clock;

    public record AthletePlanResponse(String athleteId, List<AssignmentResponse> assignments) {
    }

    @DELETE
    @RolesAllowed(Caller.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Erase the athlete on their request (athlete.erased.v1)",
            description = "Removes everything routine-service holds about the athlete in the organisation: profile, "
                    + "assignments, sessions, reports, templates generated for them alone and the outbox's events about "
                    + "them; publishes athlete.erased.v1, on which progress-service removes its own. The reason is kept "
                    + "with the record of the erasure, which names the athlete only by a digest. Admins only.")
    @APIResponse(responseCode = "404", description = "the organisation holds nothing about the athlete")
    public AthleteErasure.ErasureReceipt erase(@PathParam("athleteId") @Size(max = 200) String athleteId,
            @NotNull @Valid AthleteErasure.ErasureRequest request) {
        return erasure.erase(athleteId, request);
    }

    @GET
    @Path("/plan")
    @HealthDataRead("plan")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The athlete's assigned plans with every session and what it prescribes")
    public AthletePlanResponse plan(@PathParam("athleteId") String athleteId) {
        return new AthletePlanResponse(athleteId, templates.planOf(athleteId).stream()
                .map(view -> AssignmentResponse.of(view, documents::session)).toList());
    }

    @GET
    @Path("/plan.ics")
    @HealthDataRead("plan calendar")
    @Produces("text/calendar")
    @Operation(summary = "The athlete's sessions as an iCalendar feed, one event per session")
    public Response calendar(@PathParam("athleteId") String athleteId,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        String body = ICalendar.render(athleteId, templates.planOf(athleteId), documents::session,
                SafetyText.language(language), clock.instant());
        return Response.ok(body, "text/calendar; charset=utf-8").build();
    }

    @POST
    @Path("/sessions/{sessionId}/completion")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a completed session (session.completed.v1)",
            description = "Repeating the request with the same Idempotency-Key records it once and answers the same.")
    public Response complete(@PathParam("athleteId") String athleteId, @PathParam("sessionId") UUID sessionId,
            @HeaderParam(IDEMPOTENCY_KEY) @Size(min = 1, max = 200) String idempotencyKey,
            @NotNull @Valid CompletionRequest request) {
        return answer(records.complete(athleteId, sessionId, request, idempotencyKey));
    }

    @POST
    @Path("/sessions/{sessionId}/skip")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a skipped session (session.skipped.v1)")
    public Response skip(@PathParam("athleteId") String athleteId, @PathParam("sessionId") UUID sessionId,
            @HeaderParam(IDEMPOTENCY_KEY) @Size(min = 1, max = 200) String idempotencyKey,
            @Valid SkipRequest request) {
        return answer(records.skip(athleteId, sessionId, request == null ? null : request.reason(), idempotencyKey));
    }

    /** Why a coach keeps the plan for a session a check-in adjusted. */
    public record OverrideRequest(@NotBlank @Size(max = 500) String note) {
    }

    /** A session's adjustment after a coach's override. */
    public record AdjustmentResponse(UUID sessionId, String kind, String reason, boolean overridden, String overriddenBy,
            String note) {
    }

    @POST
    @Path("/sessions/{sessionId}/adjustment/override")
    @RolesAllowed({ Caller.ADMIN, Caller.HEAD_COACH, Caller.COACH })
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Keep the plan for a session a check-in adjusted",
            description = "Puts back what the plan prescribed, with the coach's note; later check-ins of the day leave "
                    + "the session as planned. The athlete's coaches, head coaches and admins.")
    public AdjustmentResponse override(@PathParam("athleteId") String athleteId, @PathParam("sessionId") UUID sessionId,
            @NotNull @Valid OverrideRequest request) {
        var adjustment = readiness.override(athleteId, sessionId, request.note());
        return new AdjustmentResponse(adjustment.sessionId, adjustment.kind, adjustment.reason, adjustment.overridden(),
                adjustment.overriddenBy, adjustment.overrideNote);
    }

    private static Response answer(SessionRecordService.Outcome outcome) {
        return Response.status(Response.Status.CREATED).entity(outcome.result())
                .header("Idempotent-Replayed", Boolean.toString(outcome.replayed())).build();
    }
}
