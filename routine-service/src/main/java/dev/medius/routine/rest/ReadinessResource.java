package dev.medius.routine.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.medius.routine.domain.CheckIn;
import dev.medius.routine.domain.Terms;
import dev.medius.routine.service.ReadinessService;
import dev.medius.runtime.security.Caller;

/** An athlete's morning check-in, which adjusts the sessions due that day: the athlete, or who may act for them. */
@Path("/api/v1/athletes/{athleteId}/check-ins")
@RolesAllowed({ Caller.ADMIN, Caller.HEAD_COACH, Caller.COACH, Caller.ATHLETE })
public class ReadinessResource {

    @Inject
    ReadinessService readiness;

    /**
     * Five 1-5 answers where 5 is the best state (slept very well, full of energy, no soreness, relaxed, very good
     * mood), hours slept, pain by area (required, empty when nothing hurts) and red flags; all else may be left out.
     */
    public record CheckInRequest(LocalDate date,
            @Min(1) @Max(5) Integer sleepQuality,
            @Min(1) @Max(5) Integer energy,
            @Min(1) @Max(5) Integer soreness,
            @Min(1) @Max(5) Integer stress,
            @Min(1) @Max(5) Integer mood,
            @DecimalMin("0") @DecimalMax("24") Double sleepHours,
            @NotNull @Size(max = 11) List<@Valid @NotNull PainSpotRequest> pain,
            @Size(max = 20) List<@NotBlank @Size(max = 60) String> redFlags) {

        CheckIn toCheckIn() {
            Map<String, Integer> byArea = new LinkedHashMap<>();
            for (int i = 0; i < pain.size(); i++) {
                String area = ProfileWords.one(Terms.Kind.PAIN_AREA, "pain[" + i + "].area", pain.get(i).area());
                byArea.merge(area, pain.get(i).score(), Math::max);
            }
            List<CheckIn.PainSpot> spots = new ArrayList<>();
            byArea.forEach((area, score) -> spots.add(new CheckIn.PainSpot(area, score)));
            return new CheckIn(date, sleepQuality, energy, soreness, stress, mood, sleepHours, spots,
                    ProfileWords.all(Terms.Kind.RED_FLAG, "redFlags", redFlags));
        }
    }

    /** Pain this morning in one area (a word of the pain-area vocabulary), 0 (none) to 10. */
    public record PainSpotRequest(@NotBlank @Size(max = 60) String area, @NotNull @Min(0) @Max(10) Integer score) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a morning readiness check-in (wellness.checked-in.v1)",
            description = "Adjusts each session due that day against the athlete's own usual answers and answers how "
                    + "and why. Repeating the request with the same Idempotency-Key records it once and answers the "
                    + "same; a later check-in of the same day decides again from the plan.")
    public Response checkIn(@PathParam("athleteId") @Size(min = 1, max = 200) String athleteId,
            @HeaderParam(AthleteResource.IDEMPOTENCY_KEY) @Size(min = 1, max = 200) String idempotencyKey,
            @NotNull @Valid CheckInRequest request) {
        ReadinessService.Outcome outcome = readiness.checkIn(athleteId, request.toCheckIn(), idempotencyKey);
        return Response.status(Response.Status.CREATED).entity(outcome.result())
                .header("Idempotent-Replayed", Boolean.toString(outcome.replayed())).build();
    }
}
