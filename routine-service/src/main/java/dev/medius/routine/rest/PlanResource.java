package dev.medius.routine.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.medius.routine.domain.AthleteProfile;
import dev.medius.routine.domain.Plan;
import dev.medius.routine.domain.SafetyText;
import dev.medius.routine.domain.Terms;
import dev.medius.routine.service.PlanService;
import dev.medius.runtime.security.Caller;

@Path("/api/v1/plans")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Caller.COACH, Caller.HEAD_COACH, Caller.ADMIN })
public class PlanResource {

    @Inject
    PlanService plans;

    /** An athlete's situation, from which a plan is generated; every word is checked against its vocabulary. */
    public record ProfileRequest(
            @NotBlank @Size(max = 40) String level,
            @Size(max = 40) String sport,
            @Size(max = 10) List<@NotBlank @Size(max = 60) String> goals,
            @Size(max = 30) List<@NotBlank @Size(max = 60) String> equipment,
            @NotNull @Min(1) @Max(7) Integer sessionsPerWeek,
            @NotNull @Min(10) @Max(120) Integer minutesPerSession,
            @NotNull @Min(1) @Max(52) Integer weeks,
            @NotNull LocalDate startDate,
            @Size(max = 10) List<@NotBlank @Size(max = 60) String> painAreas,
            @Size(max = 11) List<@Valid @NotNull PainRequest> pain,
            @Size(max = 20) List<@NotBlank @Size(max = 60) String> redFlags,
            @Size(max = 200) List<@NotBlank @Size(max = 200) String> exclusions) {

        AthleteProfile toProfile() {
            List<AthleteProfile.Pain> reported = new ArrayList<>();
            for (int i = 0; pain != null && i < pain.size(); i++) {
                PainRequest p = pain.get(i);
                reported.add(new AthleteProfile.Pain(ProfileWords.one(Terms.Kind.PAIN_AREA, "pain[" + i + "].area", p.area()),
                        p.severity(), p.onset() == null ? null
                                : ProfileWords.one(Terms.Kind.ONSET, "pain[" + i + "].onset", p.onset())));
            }
            for (int i = 0; painAreas != null && i < painAreas.size(); i++) {
                String area = ProfileWords.one(Terms.Kind.PAIN_AREA, "painAreas[" + i + "]", painAreas.get(i));
                if (reported.stream().noneMatch(p -> p.area().equals(area))) {
                    reported.add(new AthleteProfile.Pain(area, null, AthleteProfile.Pain.ACUTE));
                }
            }
            return new AthleteProfile(AthleteProfile.Level.of(ProfileWords.one(Terms.Kind.LEVEL, "level", level)),
                    sport == null ? "general" : ProfileWords.one(Terms.Kind.SPORT, "sport", sport),
                    List.copyOf(ProfileWords.all(Terms.Kind.GOAL, "goals", goals)),
                    ProfileWords.all(Terms.Kind.EQUIPMENT, "equipment", equipment), sessionsPerWeek,
                    minutesPerSession, weeks, startDate, reported,
                    exclusions == null ? null : new HashSet<>(exclusions),
                    ProfileWords.all(Terms.Kind.RED_FLAG, "redFlags", redFlags));
        }
    }

    /** Pain in one area: how bad (0-10) and since when (acute under six weeks, persistent, or history). */
    public record PainRequest(@NotBlank @Size(max = 60) String area, @Min(0) @Max(10) Integer severity,
            @Size(max = 40) String onset) {
    }

    @POST
    @Path("/generate")
    @Operation(summary = "Generate a plan from an athlete profile",
            description = "Weeks of dated sessions with activation, strength, stability and mobility blocks, built from the catalog read model. Same profile, same plan. Words outside the vocabularies of GET /api/v1/vocabularies are refused with 400; red flags answer 422 of type see-a-clinician instead of a plan.")
    public Plan generate(@NotNull @Valid ProfileRequest request,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return plans.generate(request.toProfile(), SafetyText.language(language));
    }
}
