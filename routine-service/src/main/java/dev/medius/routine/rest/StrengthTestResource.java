package dev.medius.routine.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.medius.routine.domain.StrengthTesting;
import dev.medius.routine.service.StrengthTestService;
import dev.medius.runtime.problem.ProblemException;
import dev.medius.runtime.security.Caller;
import dev.medius.runtime.trail.HealthDataRead;

/** An athlete's strength and control tests and their return-to-play criteria. */
@Path("/api/v1/athletes/{athleteId}/tests")
@RolesAllowed({ Caller.ADMIN, Caller.HEAD_COACH, Caller.COACH, Caller.ATHLETE })
public class StrengthTestResource {

    private static final String SIDE = "left|right";
    private static final String RATING = "good|fair|poor";

    @Inject
    StrengthTestService tests;

    /** One test: its kind, and the section of that kind; pain during the test and the involved side when known. */
    public record TestRequest(
            @NotNull @Pattern(regexp = "hip-abduction|side-bridge|single-leg-squat",
                    message = "must be hip-abduction, side-bridge or single-leg-squat") String kind,
            LocalDate testedOn,
            @Pattern(regexp = SIDE, message = "must be left or right") String involvedSide,
            @Min(0) @Max(10) Integer pain,
            @Valid HipAbductionRequest hipAbduction,
            @Valid SideBridgeRequest sideBridge,
            @Valid SingleLegSquatRequest singleLegSquat) {

        StrengthTesting.Result toResult(LocalDate today) {
            LocalDate on = testedOn == null ? today : testedOn;
            return switch (kind) {
                case StrengthTesting.HIP_ABDUCTION -> {
                    HipAbductionRequest h = required(hipAbduction, "hipAbduction");
                    yield StrengthTesting.hipAbduction(on, h.leftNewtons(), h.rightNewtons(), h.leverArmMetres(),
                            h.bodyMassKg(), involvedSide, pain);
                }
                case StrengthTesting.SIDE_BRIDGE -> {
                    SideBridgeRequest b = required(sideBridge, "sideBridge");
                    yield StrengthTesting.sideBridge(on, b.leftSeconds(), b.rightSeconds(), involvedSide, pain);
                }
                default -> {
                    SingleLegSquatRequest s = required(singleLegSquat, "singleLegSquat");
                    yield StrengthTesting.singleLegSquat(on, s.left(), s.right(),
                            s.faults() == null ? List.of() : s.faults(), involvedSide, pain);
                }
            };
        }

        private static <T> T required(T section, String field) {
            if (section == null) {
                throw ProblemException.invalidField(field, "required for this kind of test");
            }
            return section;
        }
    }

    /** Peak force per side from a hand-held dynamometer, the lever arm it was applied at, and body mass. */
    public record HipAbductionRequest(@NotNull @DecimalMin("0") @DecimalMax("2000") Double leftNewtons,
            @NotNull @DecimalMin("0") @DecimalMax("2000") Double rightNewtons,
            @NotNull @DecimalMin("0.1") @DecimalMax("1.5") Double leverArmMetres,
            @NotNull @DecimalMin("20") @DecimalMax("250") Double bodyMassKg) {
    }

    /** The longest side-bridge hold per side, in seconds. */
    public record SideBridgeRequest(@NotNull @DecimalMin("0") @DecimalMax("600") Double leftSeconds,
            @NotNull @DecimalMin("0") @DecimalMax("600") Double rightSeconds) {
    }

    /** Quality per side (good, fair, poor) and the faults seen. */
    public record SingleLegSquatRequest(
            @NotNull @Pattern(regexp = RATING, message = "must be good, fair or poor") String left,
            @NotNull @Pattern(regexp = RATING, message = "must be good, fair or poor") String right,
            @Size(max = 5) List<@NotBlank @Pattern(regexp = "trunk-lean|pelvic-drop|hip-adduction|knee-valgus|loss-of-balance",
                    message = "must be trunk-lean, pelvic-drop, hip-adduction, knee-valgus or loss-of-balance") String> faults) {
    }

    /** What a coach requires before a return to play; leave out what is not required. */
    public record CriteriaRequest(@Min(50) @Max(100) Integer minSymmetryPercent, @Min(0) @Max(10) Integer maxPain,
            @DecimalMin("0") @DecimalMax("600") Double minSideBridgeSeconds,
            @Pattern(regexp = RATING, message = "must be good, fair or poor") String minSquatRating) {
    }

    @POST
    @RolesAllowed({ Caller.ADMIN, Caller.HEAD_COACH, Caller.COACH })
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a strength or control test (strength-test.recorded.v1)",
            description = "Hip abduction torque by hand-held dynamometry, side-bridge endurance or single-leg squat "
                    + "quality; answers the figures, the limb symmetry and the findings. The athlete's coaches, head "
                    + "coaches and admins; an Idempotency-Key records a retry once.")
    public Response record(@PathParam("athleteId") @Size(min = 1, max = 200) String athleteId,
            @HeaderParam(AthleteResource.IDEMPOTENCY_KEY) @Size(min = 1, max = 200) String idempotencyKey,
            @NotNull @Valid TestRequest request) {
        StrengthTestService.Outcome outcome = tests.record(athleteId, request.toResult(tests.today()), idempotencyKey);
        return Response.status(Response.Status.CREATED).entity(outcome.recorded())
                .header("Idempotent-Replayed", Boolean.toString(outcome.replayed())).build();
    }

    @GET
    @HealthDataRead("strength tests")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The athlete's tests, when the next is due, and the return-to-play verdict")
    public StrengthTestService.TestsView tests(@PathParam("athleteId") @Size(min = 1, max = 200) String athleteId) {
        return tests.of(athleteId);
    }

    @PUT
    @Path("/return-to-play")
    @RolesAllowed({ Caller.ADMIN, Caller.HEAD_COACH, Caller.COACH })
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the athlete's return-to-play criteria",
            description = "Limb symmetry (hip abduction), pain during the latest tests, side-bridge time on the weaker "
                    + "side and single-leg squat quality on the worse side; the answer judges the latest tests.")
    public StrengthTestService.TestsView criteria(@PathParam("athleteId") @Size(min = 1, max = 200) String athleteId,
            @NotNull @Valid CriteriaRequest request) {
        if (request.minSymmetryPercent() == null && request.maxPain() == null && request.minSideBridgeSeconds() == null
                && request.minSquatRating() == null) {
            throw ProblemException.invalidField("minSymmetryPercent", "set at least one criterion");
        }
        return tests.setCriteria(athleteId, new StrengthTesting.Criteria(request.minSymmetryPercent(),
                request.maxPain(), request.minSideBridgeSeconds(), request.minSquatRating()));
    }
}
