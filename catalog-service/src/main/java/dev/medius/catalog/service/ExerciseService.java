package dev.medius.catalog.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.medius.catalog.domain.Condition;
import dev.medius.catalog.domain.ContraindicationRule;
import dev.medius.catalog.domain.Dose;
import dev.medius.catalog.domain.Exercise;
import dev.medius.catalog.domain.ExerciseRevision;
import dev.medius.catalog.domain.ExerciseStatus;
import dev.medius.catalog.domain.ExerciseTranslation;
import dev.medius.catalog.domain.Finding;
import dev.medius.catalog.domain.MediaLink;
import dev.medius.catalog.domain.Muscle;
import dev.medius.catalog.domain.MuscleWork;
import dev.medius.catalog.domain.Source;
import dev.medius.catalog.messaging.ExerciseEvents;
import dev.medius.catalog.repository.ExerciseQuery;
import dev.medius.catalog.repository.ExerciseRepository;
import dev.medius.catalog.rest.ExerciseRequest;
import dev.medius.events.Vocabulary;
import dev.medius.runtime.problem.Problem;
import dev.medius.runtime.problem.ProblemException;
import dev.medius.runtime.security.Caller;

/** The exercise library's rules: who sees and changes what, the editorial workflow, revisions and events. */
@ApplicationScoped
public class ExerciseService {

    @Inject
    ExerciseRepository exercises;

    @Inject
    ExerciseViews views;

    @Inject
    ExerciseEvents events;

    @Inject
    ObjectMapper json;

    /** Tells the replica's rendered reads that content changed, once this transaction commits. */
    @Inject
    Event<CatalogChanged> changed;

    /** One page of a search, with the total count of matches. */
    public record Found(List<Exercise> items, long total) {
    }

    /** An exercise and the rungs of its ladder, nearest first. */
    public record Ladder(Exercise exercise, List<Rung> easier, List<Rung> harder) {
    }

    /** A variation on a ladder, {@code steps} rungs away. */
    public record Rung(Exercise exercise, int steps) {
    }

    public static boolean canEdit(Caller caller) {
        return caller.is(Caller.EDITOR) || caller.isAdmin();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Found search(ExerciseQuery query, Caller caller) {
        List<String> statuses = new ArrayList<>(query.statuses());
        if (!canEdit(caller)) {
            // drafts are editors' work in progress
            statuses.retainAll(List.of(ExerciseStatus.PUBLISHED, ExerciseStatus.RETIRED));
        }
        if (statuses.isEmpty()) {
            return new Found(List.of(), 0);
        }
        String text = query.text();
        if (text != null && !text.isBlank()) {
            text = TypoCorrector.correct(text, Set.copyOf(exercises.nameVocabulary(query.tenant())));
        }
        ExerciseQuery effective = new ExerciseQuery(query.tenant(), text, query.muscles(), query.patterns(),
                query.availableEquipment(), query.levels(), query.conditions(), query.categories(), statuses,
                query.sort(), query.page(), query.size());
        ExerciseRepository.Page page = exercises.search(effective);
        return new Found(exercises.loadInOrder(page.ids()), page.total());
    }

    /** By id or slug, as this caller may see it; anything else is not found. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Exercise get(String idOrSlug, Caller caller) {
        UUID id = asUuid(idOrSlug);
        Optional<Exercise> found = exercises.findVisibleToRead(id, idOrSlug, caller.tenant());
        Exercise exercise = found.orElseThrow(() -> ProblemException.notFound("exercise " + idOrSlug));
        if (!canEdit(caller) && !ExerciseStatus.PUBLISHED.equals(exercise.status)
                && !ExerciseStatus.RETIRED.equals(exercise.status)) {
            throw ProblemException.notFound("exercise " + idOrSlug);
        }
        return exercise;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ExerciseRevision> revisions(String idOrSlug, Caller caller) {
        Exercise exercise = get(idOrSlug, caller);
        return ExerciseRevision.list("exerciseId = ?1 order by revision desc", exercise.id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Ladder ladder(String idOrSlug, Caller caller) {
        Exercise exercise = get(idOrSlug, caller);
        // the caller's own variations belong on the ladder beside the global ones
        String scope = caller.tenant();
        return new Ladder(exercise, walk(exercise, scope, false), walk(exercise, scope, true));
    }

    private List<Rung> walk(Exercise start, String scope, boolean harder) {
        List<Rung> rungs = new ArrayList<>();
        Set<UUID> seen = new LinkedHashSet<>(List.of(start.id));
        List<Exercise> frontier = List.of(start);
        for (int steps = 1; !frontier.isEmpty() && steps <= 10; steps++) {
            List<Exercise> next = new ArrayList<>();
            for (Exercise exercise : frontier) {
                List<Exercise> neighbours = harder ? exercises.harderThan(exercise.id, scope)
                        : exercises.easierThan(exercise.id, scope);
                for (Exercise neighbour : neighbours) {
                    if (seen.add(neighbour.id) && ExerciseStatus.PUBLISHED.equals(neighbour.status)) {
                        rungs.add(new Rung(neighbour, steps));
                        next.add(neighbour);
                    }
                }
            }
            frontier = next;
        }
        return rungs;
    }

    /** A new custom exercise of the caller's organisation, as a draft. */
    @Transactional
    public Exercise create(ExerciseRequest request, Caller caller) {
        changed.fire(new CatalogChanged("created"));
        String tenant = caller.tenant();
        if (exercises.findVisibleBySlug(request.slug(), tenant).isPresent()) {
            throw new ProblemException(409, "Conflict", "slug: an exercise '" + request.slug() + "' already exists",
                    List.of(new Problem.FieldError("slug", "already in use")));
        }
        OffsetDateTime now = now();
        Exercise exercise = new Exercise();
        exercise.id = UUID.randomUUID();
        exercise.tenantId = tenant;
        exercise.origin = Exercise.ORIGIN_CUSTOM;
        exercise.status = ExerciseStatus.DRAFT;
        exercise.revision = 1;
        exercise.createdAt = now;
        exercise.updatedAt = now;
        Links links = apply(exercise, request, tenant);
        exercises.persist(exercise);
        exercises.flush();
        exercises.replaceLadder(exercise.id, links.easier(), links.harder());
        revise(exercise, "created", caller.subject());
        return exercise;
    }

    /** Replaces an exercise's content if the caller holds its current version; a published one is republished. */
    @Transactional
    public Exercise update(UUID id, int expectedRevision, ExerciseRequest request, Caller caller) {
        changed.fire(new CatalogChanged("updated"));
        Exercise exercise = writable(id, caller);
        if (exercise.revision != expectedRevision) {
            throw new ProblemException(412, "Precondition Failed", "the exercise changed since revision "
                    + expectedRevision + "; it is now at revision " + exercise.revision + ": read it again");
        }
        if (!exercise.slug.equals(request.slug())) {
            Optional<Exercise> clash = exercise.tenantId == null ? exercises.findGlobalBySlug(request.slug())
                    : exercises.findVisibleBySlug(request.slug(), exercise.tenantId);
            if (clash.isPresent()) {
                throw new ProblemException(409, "Conflict", "slug: an exercise '" + request.slug() + "' already exists",
                        List.of(new Problem.FieldError("slug", "already in use")));
            }
        }
        ExerciseView before = views.complete(exercise);
        Links links = apply(exercise, request, exercise.tenantId == null ? "" : exercise.tenantId);
        exercises.flush();
        exercises.replaceLadder(exercise.id, links.easier(), links.harder());
        ExerciseView after = views.complete(exercise);
        if (sameContent(before, after)) {
            return exercise;
        }
        exercise.revision++;
        exercise.updatedAt = now();
        ExerciseView current = revise(exercise, "updated", caller.subject());
        if (ExerciseStatus.PUBLISHED.equals(exercise.status)) {
            events.published(current);
        }
        return exercise;
    }

    @Transactional
    public Exercise submitForReview(UUID id, Caller caller) {
        changed.fire(new CatalogChanged("submitted"));
        Exercise exercise = writable(id, caller);
        if (!ExerciseStatus.DRAFT.equals(exercise.status)) {
            throw new ProblemException(409, "Conflict", "only a draft can go to review; this exercise is " + exercise.status);
        }
        exercise.status = ExerciseStatus.IN_REVIEW;
        exercise.revision++;
        exercise.updatedAt = now();
        revise(exercise, "submitted for review", caller.subject());
        return exercise;
    }

    @Transactional
    public Exercise publish(UUID id, Caller caller) {
        changed.fire(new CatalogChanged("published"));
        Exercise exercise = writable(id, caller);
        if (ExerciseStatus.PUBLISHED.equals(exercise.status)) {
            throw new ProblemException(409, "Conflict", "the exercise is already published");
        }
        OffsetDateTime now = now();
        exercise.status = ExerciseStatus.PUBLISHED;
        exercise.publishedAt = now;
        exercise.retiredAt = null;
        exercise.revision++;
        exercise.updatedAt = now;
        events.published(revise(exercise, "published", caller.subject()));
        return exercise;
    }

    @Transactional
    public Exercise retire(UUID id, Caller caller) {
        changed.fire(new CatalogChanged("retired"));
        Exercise exercise = writable(id, caller);
        if (ExerciseStatus.RETIRED.equals(exercise.status)) {
            throw new ProblemException(409, "Conflict", "the exercise is already retired");
        }
        OffsetDateTime now = now();
        exercise.status = ExerciseStatus.RETIRED;
        exercise.retiredAt = now;
        exercise.revision++;
        exercise.updatedAt = now;
        events.retired(revise(exercise, "retired", caller.subject()));
        return exercise;
    }

    /** Adds the revision row for the exercise's current state and returns that state. */
    ExerciseView revise(Exercise exercise, String action, String author) {
        return record(views.complete(exercise), exercise, action, author);
    }

    /** As {@link #revise} for an exercise known to sit on no ladder yet. */
    ExerciseView reviseWithoutLadder(Exercise exercise, String action, String author) {
        return record(views.complete(exercise, List.of(), List.of()), exercise, action, author);
    }

    private ExerciseView record(ExerciseView snapshot, Exercise exercise, String action, String author) {
        ExerciseRevision revision = new ExerciseRevision();
        revision.exerciseId = exercise.id;
        revision.revision = exercise.revision;
        revision.action = action;
        revision.author = author;
        revision.at = exercise.updatedAt;
        try {
            revision.snapshot = json.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("exercise snapshot cannot be written", e);
        }
        revision.persist();
        return snapshot;
    }

    /**
     * An exercise this caller may change. Custom exercises belong to their organisation's editors; the
     * global library, which every organisation reads, changes only through admins.
     */
    private Exercise writable(UUID id, Caller caller) {
        Exercise exercise = exercises.findVisible(id, caller.tenant())
                .orElseThrow(() -> ProblemException.notFound("exercise " + id));
        if (exercise.tenantId == null && !caller.isAdmin()) {
            throw new ProblemException(403, "Forbidden", "the global library changes only through admins");
        }
        return exercise;
    }

    private record Links(List<UUID> easier, List<UUID> harder) {
    }

    /** Copies the request onto the exercise after checking every reference it makes. */
    private Links apply(Exercise e, ExerciseRequest r, String tenant) {
        List<Problem.FieldError> errors = new ArrayList<>();
        ExerciseRequest.DoseRequest dose = r.prescription();
        if (dose.repsMin() == null && dose.repsMax() == null && dose.holdSeconds() == null) {
            errors.add(new Problem.FieldError("prescription", "needs repsMin and repsMax or holdSeconds"));
        }
        if ((dose.repsMin() == null) != (dose.repsMax() == null)) {
            errors.add(new Problem.FieldError("prescription.repsMax", "repsMin and repsMax go together"));
        } else if (dose.repsMin() != null && dose.repsMin() > dose.repsMax()) {
            errors.add(new Problem.FieldError("prescription.repsMax", "must not be below repsMin"));
        }
        Set<String> muscles = new LinkedHashSet<>();
        Set<String> knownSources = new LinkedHashSet<>();
        for (Source source : Source.<Source>listAll()) {
            knownSources.add(source.key);
        }
        for (int i = 0; i < r.muscles().size(); i++) {
            ExerciseRequest.MuscleRequest m = r.muscles().get(i);
            if (Muscle.findById(m.muscle()) == null) {
                errors.add(new Problem.FieldError("muscles[" + i + "].muscle", "unknown muscle '" + m.muscle() + "'"));
            } else if (!muscles.add(m.muscle())) {
                errors.add(new Problem.FieldError("muscles[" + i + "].muscle", "listed twice"));
            }
            if (m.sourceKey() != null && !knownSources.contains(m.sourceKey())) {
                errors.add(new Problem.FieldError("muscles[" + i + "].sourceKey", "unknown source '" + m.sourceKey() + "'"));
            }
        }
        List<String> conditions = orEmpty(r.conditions());
        for (int i = 0; i < conditions.size(); i++) {
            if (Condition.findById(conditions.get(i)) == null) {
                errors.add(new Problem.FieldError("conditions[" + i + "]", "unknown condition '" + conditions.get(i) + "'"));
            }
        }
        List<String> sources = orEmpty(r.sourceKeys());
        for (int i = 0; i < sources.size(); i++) {
            if (!knownSources.contains(sources.get(i))) {
                errors.add(new Problem.FieldError("sourceKeys[" + i + "]", "unknown source '" + sources.get(i) + "'"));
            }
        }
        checkVocabulary(r, knownSources, errors);
        List<UUID> easier = resolve("easier", orEmpty(r.easier()), tenant, e, errors);
        List<UUID> harder = resolve("harder", orEmpty(r.harder()), tenant, e, errors);
        if (!errors.isEmpty()) {
            String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " fields are invalid";
            throw new ProblemException(400, "Invalid request", detail, errors);
        }
        e.slug = r.slug();
        e.name = r.name().strip();
        e.aliases = new ArrayList<>(orEmpty(r.aliases()));
        e.summary = r.summary();
        e.steps = new ArrayList<>(orEmpty(r.steps()));
        e.cues = new ArrayList<>(orEmpty(r.cues()));
        e.mistakes = new ArrayList<>(orEmpty(r.mistakes()));
        e.category = r.category();
        e.pattern = r.pattern();
        e.level = r.level();
        e.mechanic = r.mechanic();
        e.equipment = new ArrayList<>(new LinkedHashSet<>(orEmpty(r.equipment())));
        e.laterality = r.laterality();
        e.prescription = new Dose(dose.sets(), dose.repsMin(), dose.repsMax(), dose.holdSeconds(), dose.restSeconds(),
                dose.tempo(), dose.bandPlacement());
        List<MuscleWork> work = new ArrayList<>();
        for (ExerciseRequest.MuscleRequest m : r.muscles()) {
            work.add(new MuscleWork(m.muscle(), m.role(), m.activationMvicPercent(), m.sourceKey()));
        }
        if (!work.equals(e.muscles)) {
            e.muscles.clear();
            e.muscles.addAll(work);
        }
        Set<String> wantedConditions = new LinkedHashSet<>(conditions);
        if (!wantedConditions.equals(e.conditions)) {
            e.conditions.clear();
            e.conditions.addAll(wantedConditions);
        }
        e.contraindications = new ArrayList<>(orEmpty(r.contraindications()));
        e.painAreasToAvoid = new ArrayList<>(orEmpty(r.painAreasToAvoid()));
        e.contraindicationRules = orEmpty(r.contraindicationRules()).stream()
                .map(c -> new ContraindicationRule(c.area(), c.acuity(), c.position(), c.note())).toList();
        e.findings = orEmpty(r.findings()).stream()
                .map(f -> new Finding(f.sourceKey(), f.measure(), f.value(), f.unit(), f.note())).toList();
        e.evidence = r.evidence();
        e.sourceKeys = new ArrayList<>(sources);
        List<MediaLink> media = new ArrayList<>();
        for (ExerciseRequest.MediaRequest m : orEmpty(r.media())) {
            media.add(new MediaLink(m.type(), m.url(), m.title()));
        }
        e.media = media;
        e.license = r.license();
        e.attribution = r.attribution();
        Map<String, ExerciseTranslation> translations = new LinkedHashMap<>();
        if (r.translations() != null) {
            r.translations().forEach((language, t) -> translations.put(language,
                    new ExerciseTranslation(t.name(), t.aliases(), t.summary(), t.steps(), t.cues(), t.mistakes(),
                            t.contraindications(), t.contraindicationNotes(), t.evidence(), t.findingNotes())));
        }
        e.translations = translations;
        e.refreshNamesText();
        return new Links(easier, harder);
    }

    /** Pain areas, contraindication rules and findings speak the shared vocabulary; findings cite known sources. */
    private static void checkVocabulary(ExerciseRequest r, Set<String> knownSources, List<Problem.FieldError> errors) {
        List<String> areas = orEmpty(r.painAreasToAvoid());
        for (int i = 0; i < areas.size(); i++) {
            oneOf("painAreasToAvoid[" + i + "]", areas.get(i), Vocabulary.PAIN_AREAS, errors);
        }
        List<ExerciseRequest.RuleRequest> rules = orEmpty(r.contraindicationRules());
        for (int i = 0; i < rules.size(); i++) {
            ExerciseRequest.RuleRequest rule = rules.get(i);
            oneOf("contraindicationRules[" + i + "].area", rule.area(), Vocabulary.PAIN_AREAS, errors);
            oneOf("contraindicationRules[" + i + "].acuity", rule.acuity(), Vocabulary.ACUITIES, errors);
            if (rule.position() != null) {
                oneOf("contraindicationRules[" + i + "].position", rule.position(), Vocabulary.POSITIONS, errors);
            }
        }
        List<ExerciseRequest.FindingRequest> findings = orEmpty(r.findings());
        for (int i = 0; i < findings.size(); i++) {
            ExerciseRequest.FindingRequest finding = findings.get(i);
            oneOf("findings[" + i + "].measure", finding.measure(), Vocabulary.FINDING_MEASURES, errors);
            if (!knownSources.contains(finding.sourceKey())) {
                errors.add(new Problem.FieldError("findings[" + i + "].sourceKey",
                        "unknown source '" + finding.sourceKey() + "'"));
            }
        }
    }

    private static void oneOf(String field, String value, List<String> accepted, List<Problem.FieldError> errors) {
        if (value != null && !accepted.contains(value)) {
            errors.add(new Problem.FieldError(field, "'" + value + "' is not one of " + accepted));
        }
    }

    private List<UUID> resolve(String field, List<String> slugs, String tenant, Exercise self, List<Problem.FieldError> errors) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < slugs.size(); i++) {
            Optional<Exercise> target = exercises.findVisibleBySlug(slugs.get(i), tenant);
            if (target.isEmpty()) {
                errors.add(new Problem.FieldError(field + "[" + i + "]", "unknown exercise '" + slugs.get(i) + "'"));
            } else if (Objects.equals(target.get().id, self.id)) {
                errors.add(new Problem.FieldError(field + "[" + i + "]", "an exercise is not its own variation"));
            } else {
                ids.add(target.get().id);
            }
        }
        return ids;
    }

    private static boolean sameContent(ExerciseView a, ExerciseView b) {
        return Objects.equals(a, b);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    static UUID asUuid(String text) {
        if (text == null || text.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
