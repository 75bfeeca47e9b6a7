package dev.medius.catalog.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.medius.catalog.domain.Exercise;
import dev.medius.catalog.domain.ExerciseCategory;
import dev.medius.catalog.domain.ExerciseLevel;
import dev.medius.catalog.domain.ExerciseRevision;
import dev.medius.catalog.domain.ExerciseStatus;
import dev.medius.catalog.repository.ExerciseQuery;
import dev.medius.catalog.repository.ExerciseRepository;
import dev.medius.catalog.repository.ExerciseSearchRepository;
import dev.medius.catalog.repository.LadderRepository;
import dev.medius.runtime.problem.ProblemException;
import dev.medius.runtime.security.Caller;

/** Reading the exercise library: who sees what, search, one exercise, its history and its ladder. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ExerciseService {

    /** Values of {@code equipment} that mean "no equipment at all". */
    private static final Set<String> NOTHING = Set.of("none", "bodyweight");
    /** How many rungs a ladder shows in each direction. */
    private static final int LADDER_DEPTH = 10;

    @Inject
    ExerciseRepository exercises;

    @Inject
    ExerciseSearchRepository searches;

    @Inject
    LadderRepository ladders;

    @Inject
    Revisions revisions;

    /** One page of a search, with the total count of matches. */
    public record Found(List<Exercise> items, long total) {
    }

    /** An exercise and the rungs of its ladder, nearest first. */
    public record Ladder(Exercise exercise, List<Rung> easier, List<Rung> harder) {
    }

    /** A variation on a ladder, {@code steps} rungs away. */
    public record Rung(Exercise exercise, int steps) {
    }

    /** Editors and admins write content and see drafts and exercises in review. */
    public static boolean canEdit(Caller caller) {
        return caller.is(Caller.EDITOR) || caller.isAdmin();
    }

    /** The statuses this caller may read among those wanted: drafts are editors' work in progress. */
    static List<String> readable(Collection<String> wanted, Caller caller) {
        List<String> statuses = new ArrayList<>(wanted);
        if (!canEdit(caller)) {
            statuses.retainAll(List.of(ExerciseStatus.PUBLISHED, ExerciseStatus.RETIRED));
        }
        return statuses;
    }

    public Found search(ExerciseSearch search, Caller caller) {
        oneOf("level", search.levels(), ExerciseLevel.slugs());
        oneOf("category", search.categories(), ExerciseCategory.slugs());
        oneOf("status", search.statuses(), ExerciseStatus.ALL);
        boolean text = search.text() != null && !search.text().isBlank();
        String sort = search.sort() == null || search.sort().isBlank() ? (text ? "relevance" : "name") : search.sort();
        if (!ExerciseQuery.SORTS.contains(sort)) {
            throw ProblemException.invalidField("sort", "must be one of " + ExerciseQuery.SORTS);
        }
        List<String> statuses = readable(search.statuses().isEmpty() ? List.of(ExerciseStatus.PUBLISHED)
                : search.statuses(), caller);
        if (statuses.isEmpty()) {
            return new Found(List.of(), 0);
        }
        List<String> available = null;
        if (search.equipment() != null) {
            available = new ArrayList<>(search.equipment());
            available.removeAll(NOTHING);
        }
        ExerciseQuery query = new ExerciseQuery(caller.tenant(),
                text ? searches.correctSpelling(search.text(), caller.tenant()) : search.text(), search.muscles(),
                search.patterns(), available, search.levels(), search.conditions(), search.categories(), statuses, sort,
                search.page(), search.size());
        ExerciseSearchRepository.Page page = searches.search(query);
        return new Found(exercises.loadInOrder(page.ids()), page.total());
    }

    /** By id or slug, as this caller may see it; anything else is not found. */
    public Exercise get(String idOrSlug, Caller caller) {
        Exercise exercise = exercises.findVisibleToRead(asUuid(idOrSlug), idOrSlug, caller.tenant())
                .orElseThrow(() -> ProblemException.notFound("exercise " + idOrSlug));
        if (!readable(List.of(exercise.status), caller).contains(exercise.status)) {
            throw ProblemException.notFound("exercise " + idOrSlug);
        }
        return exercise;
    }

    public List<ExerciseRevision> revisions(String idOrSlug, Caller caller) {
        return revisions.of(get(idOrSlug, caller));
    }

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
        for (int steps = 1; !frontier.isEmpty() && steps <= LADDER_DEPTH; steps++) {
            List<Exercise> next = new ArrayList<>();
            for (Exercise exercise : frontier) {
                List<Exercise> neighbours = harder ? ladders.harderThan(exercise.id, scope)
                        : ladders.easierThan(exercise.id, scope);
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

    /** Refuses the first value outside the accepted ones, naming the field. */
    static void oneOf(String field, Collection<String> values, Collection<String> accepted) {
        for (String value : values) {
            if (!accepted.contains(value)) {
                throw ProblemException.invalidField(field, "'" + value + "' is not one of "
                        + accepted.stream().sorted().toList());
            }
        }
    }

    private static UUID asUuid(String text) {
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
