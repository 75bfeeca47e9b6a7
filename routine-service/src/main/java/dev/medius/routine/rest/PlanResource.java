package dev.medius.routine.rest;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.medius.routine.domain.AthleteProfile;
import dev.medius.routine.domain.Plan;
import dev.medius.routine.service.PlanService;
import dev.medius.runtime.security.Caller;

@Path("/api/v1/plans")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Caller.COACH, Caller.ADMIN })
public class PlanResource {

    @Inject
    PlanService plans;

    /** An athlete's situation, from which a plan is generated. */
    public record ProfileRequest(
            @NotNull @Pattern(regexp = "beginner|intermediate|advanced", message = "must be beginner, intermediate or advanced") String level,
            @Pattern(regexp = "running|cycling|soccer|general|desk-bound", message = "must be running, cycling, soccer, general or desk-bound") String sport,
            @Size(max = 10) List<@NotBlank @Size(max = 40) String> goals,
            @Size(max = 30) List<@NotBlank @Size(max = 40) String> equipment,
            @NotNull @Min(1) @Max(7) Integer sessionsPerWeek,
            @NotNull @Min(10) @Max(120) Integer minutesPerSession,
            @NotNull @Min(1) @Max(52) Integer weeks,
            @NotNull LocalDate startDate,
            @Size(max = 10) List<@NotBlank @Size(max = 40) String> painAreas,
            @Size(max = 200) List<@NotBlank @Size(max = 200) String> exclusions) {

        AthleteProfile toProfile() {
            return new AthleteProfile(AthleteProfile.Level.of(level), sport == null ? "general" : sport, goals,
                    equipment == null ? null : new HashSet<>(equipment), sessionsPerWeek, minutesPerSession, weeks,
                    startDate, painAreas == null ? null : new HashSet<>(painAreas),
                    exclusions == null ? null : new HashSet<>(exclusions));
        }
    }

    @POST
    @Path("/generate")
    @Operation(summary = "Generate a plan from an athlete profile",
            description = "Weeks of dated sessions with activation, strength and stability blocks, built from the catalog read model. Same profile, same plan.")
    public Plan generate(@NotNull @Valid ProfileRequest request) {
        return plans.generate(request.toProfile());
    }
}
