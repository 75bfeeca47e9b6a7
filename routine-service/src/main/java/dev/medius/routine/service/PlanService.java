package dev.medius.routine.service;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.medius.events.catalog.ExercisePublished;
import dev.medius.routine.client.CatalogClient;
import dev.medius.routine.domain.AthleteProfile;
import dev.medius.routine.domain.Plan;
import dev.medius.routine.domain.PlanGenerator;
import dev.medius.routine.domain.SafetyText;
import dev.medius.routine.domain.Screening;
import dev.medius.routine.domain.SessionTime;
import dev.medius.runtime.problem.Problem;
import dev.medius.runtime.problem.ProblemException;
import dev.medius.runtime.security.Caller;
import io.micrometer.core.instrument.MeterRegistry;

/** Generates plans from the read model and checks hand-made ones against the catalog. */
@ApplicationScoped
public class PlanService {

    /** The problem type of a profile whose screening calls for a clinician instead of a plan. */
    public static final URI SEE_A_CLINICIAN = URI.create("https://medius.dev/problems/see-a-clinician");

    /** An exercise id (a UUID) or a slug as catalog-service allows them. */
    private static final Pattern REFERENCE = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|(?=.{1,120}$)[a-z0-9]+(-[a-z0-9]+)*");

    @Inject
    CatalogReadModel catalog;

    @Inject
    CatalogClient catalogClient;

    @Inject
    Caller caller;

    @Inject
    JsonWebToken token;

    @Inject
    MeterRegistry metrics;

    private final PlanGenerator generator = new PlanGenerator();

    public Plan generate(AthleteProfile profile, String language) {
        List<Screening.Concern> concerns = Screening.concerns(profile);
        if (!concerns.isEmpty()) {
            throw new ProblemException(SEE_A_CLINICIAN, 422, "See a clinician first",
                    "No plan is generated: " + concerns.stream().map(Screening.Concern::reason)
                            .collect(Collectors.joining("; "))
                            + ". Training can start once a clinician has assessed it and cleared the athlete.",
                    concerns.stream().map(c -> new Problem.FieldError(c.field(), c.reason())).toList());
        }
        List<ExercisePublished> exercises = catalog.usableBy(caller.tenant());
        try {
            return metrics.timer("medius.plans.generation").record(() -> generator.generate(profile, exercises, language));
        } catch (PlanGenerator.NoEligibleExercise e) {
            throw new ProblemException(422, "No exercise fits", e.getMessage());
        }
    }

    /**
     * Checks a plan a coach wrote or edited and fills each item from the catalog: names, patterns and
     * muscles from the read model, or from catalog-service when the read model does not know it yet.
     */
    public Plan complete(Plan plan, String field) {
        if (plan == null) {
            throw ProblemException.invalidField(field, "is required");
        }
        if (plan.weeks().isEmpty()) {
            throw ProblemException.invalidField(field + ".weeks", "must contain at least one week");
        }
        List<Plan.Week> weeks = new ArrayList<>();
        for (int w = 0; w < plan.weeks().size(); w++) {
            Plan.Week week = plan.weeks().get(w);
            String weekPath = field + ".weeks[" + w + "]";
            if (week == null || week.sessions().isEmpty()) {
                throw ProblemException.invalidField(weekPath + ".sessions", "must contain at least one session");
            }
            List<Plan.Session> sessions = new ArrayList<>();
            for (int s = 0; s < week.sessions().size(); s++) {
                sessions.add(completeSession(week.sessions().get(s), weekPath + ".sessions[" + s + "]",
                        week.number() > 0 ? week.number() : w + 1));
            }
            weeks.add(new Plan.Week(week.number() > 0 ? week.number() : w + 1, week.deload(), sessions));
        }
        String title = plan.title() == null || plan.title().isBlank() ? "Training plan" : plan.title();
        return new Plan(title, plan.startDate(), weeks, plan.notes(), plan.safety().isEmpty() ? SafetyText.plan("en") : plan.safety(), plan.limits());
    }

    private Plan.Session completeSession(Plan.Session session, String path, int weekNumber) {
        if (session == null) {
            throw ProblemException.invalidField(path, "is required");
        }
        if (session.dayOffset() < 0 || session.dayOffset() > 3660) {
            throw ProblemException.invalidField(path + ".dayOffset", "must be between 0 and 3660 days from the start");
        }
        if (session.items().findAny().isEmpty()) {
            throw ProblemException.invalidField(path + ".blocks", "must contain at least one exercise");
        }
        List<Plan.Block> blocks = new ArrayList<>();
        List<Plan.Item> all = new ArrayList<>();
        for (int b = 0; b < session.blocks().size(); b++) {
            Plan.Block block = session.blocks().get(b);
            String blockPath = path + ".blocks[" + b + "]";
            String kind = block.kind() == null || block.kind().isBlank() ? "strength" : block.kind();
            List<Plan.Item> items = new ArrayList<>();
            for (int i = 0; i < block.items().size(); i++) {
                Plan.Item item = completeItem(block.items().get(i), blockPath + ".items[" + i + "]");
                items.add(item);
                all.add(item);
            }
            blocks.add(new Plan.Block(kind, items));
        }
        String title = session.title() == null || session.title().isBlank()
                ? "Week " + weekNumber + " session" : session.title();
        return new Plan.Session(weekNumber, session.dayOffset(), session.date(), title, SessionTime.minutes(all), blocks);
    }

    private Plan.Item completeItem(Plan.Item item, String path) {
        if (item == null) {
            throw ProblemException.invalidField(path, "is required");
        }
        boolean byId = item.exerciseId() != null && !item.exerciseId().isBlank();
        String reference = byId ? item.exerciseId() : item.slug();
        // an error about the reference names the field the client filled in
        String referenceField = path + (byId || item.slug() == null ? ".exerciseId" : ".slug");
        if (reference == null || reference.isBlank()) {
            throw ProblemException.invalidField(referenceField, "an exercise id or slug is required");
        }
        if (item.sets() < 1 || item.sets() > 20) {
            throw ProblemException.invalidField(path + ".sets", "must be between 1 and 20");
        }
        Integer repsMin = item.repsMin() != null ? item.repsMin() : item.targetReps();
        if (repsMin == null && item.holdSeconds() == null) {
            throw ProblemException.invalidField(path + ".repsMin", "reps or holdSeconds is required");
        }
        if (repsMin != null && (repsMin < 1 || repsMin > 200)) {
            throw ProblemException.invalidField(path + ".repsMin", "must be between 1 and 200");
        }
        if (item.holdSeconds() != null && (item.holdSeconds() < 1 || item.holdSeconds() > 900)) {
            throw ProblemException.invalidField(path + ".holdSeconds", "must be between 1 and 900");
        }
        ExercisePublished exercise = resolve(reference, referenceField);
        Integer repsMax = repsMin == null ? null : item.repsMax() != null ? Math.max(item.repsMax(), repsMin) : repsMin;
        Integer target = repsMin == null ? null
                : item.targetReps() != null ? Math.min(Math.max(item.targetReps(), repsMin), repsMax) : repsMin;
        Integer hold = repsMin == null ? item.holdSeconds() : null;
        var prescription = exercise.prescription();
        Integer rest = item.restSeconds() != null ? item.restSeconds()
                : prescription != null && prescription.restSeconds() != null ? prescription.restSeconds() : 45;
        boolean perSide = item.perSide() || "per-side".equals(exercise.laterality());
        List<String> muscles = exercise.muscles() == null ? List.of()
                : exercise.muscles().stream().map(ExercisePublished.MuscleWork::muscle).toList();
        String rationale = item.rationale() == null || item.rationale().isBlank()
                ? "Chosen by the coach." + (exercise.evidence() == null ? "" : " Evidence: " + exercise.evidence())
                : item.rationale();
        Plan.Item completed = new Plan.Item(exercise.exerciseId().toString(), exercise.slug(), exercise.name(),
                exercise.pattern(), muscles, item.sets(), repsMin, repsMax, target, hold, perSide, rest,
                item.tempo() != null ? item.tempo() : prescription == null ? null : prescription.tempo(),
                item.bandPlacement() != null ? item.bandPlacement() : prescription == null ? null : prescription.bandPlacement(),
                item.bandResistance(), item.loadGuidance(), item.targetRpe(), rationale,
                exercise.sourceKeys(), item.adjustment(), 0,
                item.painMonitoring() == null ? SafetyText.item(null, "en") : item.painMonitoring());
        return completed.withEstimatedMinutes(SessionTime.minutes(completed));
    }

    /** The read model first; catalog-service only for what it lacks. */
    public ExercisePublished resolve(String reference, String field) {
        Optional<ExercisePublished> known = catalog.find(caller.tenant(), reference);
        if (known.isPresent()) {
            return known.get();
        }
        if (!REFERENCE.matcher(reference).matches()) {
            // no exercise can have it: catalog-service is not bothered (nor its absence reported) for it
            throw ProblemException.invalidField(field, "must be an exercise id or slug");
        }
        CatalogClient.Lookup lookup = catalogClient.exercise(reference, token.getRawToken());
        return switch (lookup.answer()) {
            case FOUND -> {
                ExercisePublished found = lookup.exercise();
                if (found.tenant() != null && !found.tenant().equals(caller.tenant())) {
                    throw ProblemException.invalidField(field, "no exercise '" + reference + "' in the catalog");
                }
                yield found;
            }
            case NOT_FOUND -> throw ProblemException.invalidField(field, "no exercise '" + reference + "' in the catalog");
            case UNAVAILABLE -> throw new ProblemException(503, "Catalog unavailable",
                    "exercise '" + reference + "' is not known here yet and catalog-service cannot be reached; try again shortly");
        };
    }
}
