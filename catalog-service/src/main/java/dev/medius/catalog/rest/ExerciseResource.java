package dev.medius.catalog.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.medius.catalog.cache.ReadCache;
import dev.medius.catalog.config.CatalogConfig;
import dev.medius.catalog.domain.Exercise;
import dev.medius.catalog.domain.ExerciseRevision;
import dev.medius.catalog.domain.ExerciseStatus;
import dev.medius.catalog.repository.ExerciseQuery;
import dev.medius.catalog.service.ExerciseService;
import dev.medius.catalog.service.ExerciseView;
import dev.medius.catalog.service.ExerciseViews;
import dev.medius.runtime.problem.ProblemException;
import dev.medius.runtime.security.Caller;
import io.quarkus.security.Authenticated;

/** The exercise library: search, read, edit with optimistic concurrency, publish and retire. */
@Path("/api/v1/exercises")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Exercises", description = "Exercise content: search, read, edit, publish, retire")
public class ExerciseResource {

    private static final Set<String> LEVELS = Set.of("beginner", "intermediate", "advanced");
    private static final Set<String> CATEGORIES = Set.of("activation", "strength", "stability", "mobility");
    private static final Set<String> SORTS = Set.of("relevance", "name", "-name", "updated", "-updated");
    /** Values of {@code equipment} that mean "no equipment at all". */
    private static final Set<String> NOTHING = Set.of("none", "bodyweight");

    @Inject
    ExerciseService service;

    @Inject
    ExerciseViews views;

    @Inject
    Caller caller;

    @Inject
    CatalogConfig config;

    @Inject
    ObjectMapper json;

    /**
     * Answers to callers who see no drafts are kept for a few seconds. Editors and admins always read the
     * database: they are the ones who write, and must see their own change on any replica at once.
     */
    @Inject
    ReadCache cache;

    @GET
    @Operation(summary = "Search and list exercises",
            description = "Full-text search over names, aliases and summaries, ranked and tolerant of small typos; "
                    + "filters combine (all must hold; several values of one filter mean any of them); "
                    + "equipment lists what the athlete has, and only exercises needing nothing else match. "
                    + "Pages are stable: ties are broken by id.")
    @APIResponse(responseCode = "200", description = "a page of exercises",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExercisePage.class)))
    public Response list(
            @Parameter(description = "search text") @QueryParam("q") String q,
            @Parameter(description = "muscle slug, e.g. gluteus-medius") @QueryParam("muscle") List<String> muscle,
            @Parameter(description = "movement pattern, e.g. hip-abduction") @QueryParam("pattern") List<String> pattern,
            @Parameter(description = "available equipment (repeat or comma-separate; 'none' for bodyweight only)") @QueryParam("equipment") List<String> equipment,
            @Parameter(description = "beginner, intermediate or advanced") @QueryParam("level") List<String> level,
            @Parameter(description = "condition slug, e.g. patellofemoral-pain") @QueryParam("condition") List<String> condition,
            @Parameter(description = "activation, strength, stability or mobility") @QueryParam("category") List<String> category,
            @Parameter(description = "draft, in-review, published (default) or retired") @QueryParam("status") List<String> status,
            @Parameter(description = "relevance (default with q), name (default), -name, updated, -updated") @QueryParam("sort") String sort,
            @Parameter(description = "page number from 0") @QueryParam("page") @DefaultValue("0") String pageParam,
            @Parameter(description = "page size, 1 to 100") @QueryParam("size") @DefaultValue("20") String sizeParam,
            @Context HttpHeaders headers) {
        List<String> levels = values(level);
        check("level", levels, LEVELS);
        List<String> categories = values(category);
        check("category", categories, CATEGORIES);
        List<String> statuses = values(status);
        check("status", statuses, Set.copyOf(ExerciseStatus.ALL));
        if (statuses.isEmpty()) {
            statuses = List.of(ExerciseStatus.PUBLISHED);
        }
        String order = sort == null || sort.isBlank() ? (q == null || q.isBlank() ? "name" : "relevance") : sort;
        if (!SORTS.contains(order)) {
            throw ProblemException.invalidField("sort", "must be one of " + SORTS);
        }
        int page = integer("page", pageParam);
        int size = integer("size", sizeParam);
        if (page < 0) {
            throw ProblemException.invalidField("page", "must be 0 or more");
        }
        if (size < 1 || size > config.maxPageSize()) {
            throw ProblemException.invalidField("size", "must be between 1 and " + config.maxPageSize());
        }
        if (q != null && q.length() > 200) {
            throw ProblemException.invalidField("q", "must be at most 200 characters");
        }
        List<String> available = null;
        if (!equipment.isEmpty()) {
            available = new ArrayList<>(values(equipment));
            available.removeAll(NOTHING);
        }
        ExerciseQuery query = new ExerciseQuery(caller.tenant(), q, values(muscle), values(pattern), available, levels,
                values(condition), categories, statuses, order, page, size);
        String language = Languages.preferred(headers);
        boolean drafts = ExerciseService.canEdit(caller);
        Supplier<byte[]> read = () -> {
            ExerciseService.Found found = service.search(query, caller);
            List<ExerciseView> items = views.localized(found.items(), language);
            return write(new ExercisePage(items, page, size, found.total(), (found.total() + size - 1) / size));
        };
        byte[] body = drafts ? read.get() : cache.get(new ListKey(caller.tenant(), drafts, language, query), read,
                answer -> answer.length);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * Everything a list answer depends on. The query holds the tenant too; the tenant and whether the caller
     * sees drafts are named again so that no change to the query can let two organisations or two kinds of
     * reader share an answer.
     */
    private record ListKey(String tenant, boolean drafts, String language, ExerciseQuery query) {
    }

    /** Everything an answer by id or slug depends on. */
    private record GetKey(String tenant, boolean drafts, String language, String idOrSlug) {
    }

    /** An exercise as rendered for one language, with the headers that go with it. */
    private record Rendered(String etag, String language, byte[] body) {
    }

    @GET
    @Path("/{idOrSlug}")
    @Operation(summary = "Read one exercise by id or slug",
            description = "Answers with an ETag; a repeat with If-None-Match gets 304. Accept-Language: es gives the "
                    + "Spanish text where it exists, English otherwise (Content-Language says which).")
    @APIResponse(responseCode = "200", description = "the exercise",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExerciseView.class)))
    @APIResponse(responseCode = "304", description = "unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", description = "no such exercise visible to the caller")
    public Response get(@PathParam("idOrSlug") String idOrSlug, @Context HttpHeaders headers) {
        String wanted = Languages.preferred(headers);
        boolean drafts = ExerciseService.canEdit(caller);
        Supplier<Rendered> read = () -> {
            Exercise exercise = service.get(idOrSlug, caller);
            String language = ExerciseViews.languageOf(exercise, wanted);
            return new Rendered(etag(exercise), language, write(views.localized(exercise, language)));
        };
        Rendered rendered = drafts ? read.get() : cache.get(new GetKey(caller.tenant(), drafts, wanted, idOrSlug), read,
                answer -> answer.body().length);
        if (matches(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH), rendered.etag())) {
            return Response.notModified().header(HttpHeaders.ETAG, rendered.etag())
                    .header(HttpHeaders.VARY, "Accept-Language").build();
        }
        return Response.ok(rendered.body(), MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.ETAG, rendered.etag())
                .header(HttpHeaders.CONTENT_LANGUAGE, rendered.language()).header(HttpHeaders.VARY, "Accept-Language")
                .build();
    }

    /** Written once with the service's own mapper, so a kept answer is byte for byte what a fresh one would be. */
    private byte[] write(Object answer) {
        try {
            return json.writeValueAsBytes(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answer cannot be written as JSON", e);
        }
    }

    @GET
    @Path("/{idOrSlug}/revisions")
    @Operation(summary = "The exercise's change history, newest first")
    public List<RevisionResponse> revisions(@PathParam("idOrSlug") String idOrSlug) {
        List<RevisionResponse> out = new ArrayList<>();
        for (ExerciseRevision revision : service.revisions(idOrSlug, caller)) {
            try {
                out.add(new RevisionResponse(revision.revision, revision.action, revision.author, revision.at,
                        json.readTree(revision.snapshot)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored revision is not JSON", e);
            }
        }
        return out;
    }

    @GET
    @Path("/{idOrSlug}/ladder")
    @Operation(summary = "Easier and harder variations of the exercise, rung by rung")
    public LadderResponse ladder(@PathParam("idOrSlug") String idOrSlug) {
        ExerciseService.Ladder ladder = service.ladder(idOrSlug, caller);
        return new LadderResponse(rung(ladder.exercise(), 0),
                ladder.easier().stream().map(r -> rung(r.exercise(), r.steps())).toList(),
                ladder.harder().stream().map(r -> rung(r.exercise(), r.steps())).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Caller.EDITOR, Caller.ADMIN })
    @Operation(summary = "Create a custom exercise of the caller's organisation, as a draft")
    @APIResponse(responseCode = "201", description = "created")
    @APIResponse(responseCode = "400", description = "invalid input; errors name the fields")
    @APIResponse(responseCode = "409", description = "slug already in use")
    public Response create(@Valid @NotNull ExerciseRequest request, @Context UriInfo uri) {
        Exercise exercise = service.create(request, caller);
        return respond(Response.created(uri.getAbsolutePathBuilder().path(exercise.id.toString()).build()), exercise,
                views.localized(exercise, ExerciseViews.ENGLISH));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Caller.EDITOR, Caller.ADMIN })
    @Operation(summary = "Replace an exercise's content",
            description = "Needs If-Match with the ETag last read: 428 without it, 412 when the exercise changed "
                    + "since. A published exercise is republished with the change.")
    @APIResponse(responseCode = "200", description = "updated")
    @APIResponse(responseCode = "412", description = "stale If-Match: read again")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ExerciseRequest request) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "Precondition Required",
                    "send If-Match with the ETag of the exercise as you last read it");
        }
        Exercise exercise = service.update(id, expectedRevision(id, ifMatch), request, caller);
        return respond(Response.ok(), exercise, views.localized(exercise, ExerciseViews.ENGLISH));
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed({ Caller.EDITOR, Caller.ADMIN })
    @Operation(summary = "Send a draft to review")
    public Response submit(@PathParam("id") UUID id) {
        Exercise exercise = service.submitForReview(id, caller);
        return respond(Response.ok(), exercise, views.localized(exercise, ExerciseViews.ENGLISH));
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({ Caller.EDITOR, Caller.ADMIN })
    @Operation(summary = "Publish an exercise", description = "Emits exercise.published.v1 on catalog.exercises.")
    public Response publish(@PathParam("id") UUID id) {
        Exercise exercise = service.publish(id, caller);
        return respond(Response.ok(), exercise, views.localized(exercise, ExerciseViews.ENGLISH));
    }

    @POST
    @Path("/{id}/retire")
    @RolesAllowed({ Caller.EDITOR, Caller.ADMIN })
    @Operation(summary = "Retire an exercise", description = "Emits exercise.retired.v1 on catalog.exercises.")
    public Response retire(@PathParam("id") UUID id) {
        Exercise exercise = service.retire(id, caller);
        return respond(Response.ok(), exercise, views.localized(exercise, ExerciseViews.ENGLISH));
    }

    private static Response respond(Response.ResponseBuilder builder, Exercise exercise, ExerciseView view) {
        return builder.entity(view).header(HttpHeaders.ETAG, etag(exercise))
                .header(HttpHeaders.CONTENT_LANGUAGE, view.language()).header(HttpHeaders.VARY, "Accept-Language")
                .build();
    }

    private static LadderResponse.Rung rung(Exercise exercise, int steps) {
        return new LadderResponse.Rung(exercise.id, exercise.slug, exercise.name, exercise.level, steps);
    }

    /** Weak, because the language of the body may vary while the content revision stays the same. */
    static String etag(Exercise exercise) {
        return "W/\"" + exercise.id + "-" + exercise.revision + "\"";
    }

    private static boolean matches(String header, String etag) {
        if (header == null) {
            return false;
        }
        String current = opaque(etag);
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if ("*".equals(tag) || opaque(tag).equals(current)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        String t = tag.strip();
        if (t.startsWith("W/")) {
            t = t.substring(2);
        }
        return t.replace("\"", "");
    }

    /** The revision an If-Match refers to; one for another exercise or unreadable can never be current. */
    private static int expectedRevision(UUID id, String ifMatch) {
        String tag = opaque(ifMatch.split(",")[0]);
        String prefix = id + "-";
        if (tag.startsWith(prefix)) {
            try {
                return Integer.parseInt(tag.substring(prefix.length()));
            } catch (NumberFormatException e) {
                // falls through to a stale precondition
            }
        }
        return -1;
    }

    private static List<String> values(List<String> raw) {
        List<String> out = new ArrayList<>();
        if (raw != null) {
            for (String value : raw) {
                Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).forEach(out::add);
            }
        }
        return out;
    }

    private static int integer(String field, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(field, "must be a whole number");
        }
    }

    private static void check(String field, List<String> values, Set<String> allowed) {
        for (String value : values) {
            if (!allowed.contains(value)) {
                throw ProblemException.invalidField(field, "'" + value + "' is not one of " + allowed.stream().sorted().toList());
            }
        }
    }
}
