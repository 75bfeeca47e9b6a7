package dev.medius.catalog.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

import dev.medius.catalog.domain.Exercise;
import dev.medius.catalog.domain.ExerciseRevision;
import dev.medius.catalog.domain.ExerciseView;
import dev.medius.catalog.service.ExerciseEditing;
import dev.medius.catalog.service.ExercisePage;
import dev.medius.catalog.service.ExerciseReads;
import dev.medius.catalog.service.ExerciseRequest;
import dev.medius.catalog.service.ExerciseSearch;
import dev.medius.catalog.service.ExerciseService;
import dev.medius.catalog.service.ExerciseViews;
import dev.medius.runtime.problem.ProblemException;
import dev.medius.runtime.security.Caller;
import dev.medius.runtime.validation.PageNumber;
import dev.medius.runtime.validation.PageSize;
import io.quarkus.security.Authenticated;

/** The exercise library: search, read, edit with optimistic concurrency, publish and retire. */
@Path("/api/v1/exercises")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Exercises", description = "Exercise content: search, read, edit, publish, retire")
public class ExerciseResource {

    @Inject
    ExerciseService exercises;

    @Inject
    ExerciseReads reads;

    @Inject
    ExerciseEditing editing;

    @Inject
    ExerciseViews views;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @GET
    @Operation(summary = "Search and list exercises",
            description = "Full-text search over names, aliases and summaries, ranked and tolerant of small typos; "
                    + "filters combine (all must hold; several values of one filter mean any of them); "
                    + "equipment lists what the athlete has, and only exercises needing nothing else match. "
                    + "Pages are stable: ties are broken by id.")
    @APIResponse(responseCode = "200", description = "a page of exercises",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExercisePage.class)))
    public Response list(
            @Parameter(description = "search text") @QueryParam("q") @Size(max = 200, message = "must be at most 200 characters") String q,
            @Parameter(description = "muscle slug, e.g. gluteus-medius") @QueryParam("muscle") List<String> muscle,
            @Parameter(description = "movement pattern, e.g. hip-abduction") @QueryParam("pattern") List<String> pattern,
            @Parameter(description = "available equipment (repeat or comma-separate; 'none' for bodyweight only)") @QueryParam("equipment") List<String> equipment,
            @Parameter(description = "beginner, intermediate or advanced") @QueryParam("level") List<String> level,
            @Parameter(description = "condition slug, e.g. patellofemoral-pain") @QueryParam("condition") List<String> condition,
            @Parameter(description = "activation, strength, stability or mobility") @QueryParam("category") List<String> category,
            @Parameter(description = "draft, in-review, published (default) or retired") @QueryParam("status") List<String> status,
            @Parameter(description = "relevance (default with q), name (default), -name, updated, -updated") @QueryParam("sort") String sort,
            @Parameter(description = "page number from 0") @QueryParam("page") @DefaultValue("0") @PageNumber String page,
            @Parameter(description = "page size, 1 to 100") @QueryParam("size") @DefaultValue("20") @PageSize String size,
            @Context HttpHeaders headers) {
        ExerciseSearch search = new ExerciseSearch(q, values(muscle), values(pattern),
                equipment.isEmpty() ? null : values(equipment), values(level), values(condition), values(category),
                values(status), sort, Integer.parseInt(page), Integer.parseInt(size));
        return Response.ok(reads.page(search, Languages.preferred(headers), caller), MediaType.APPLICATION_JSON_TYPE)
                .build();
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
        ExerciseReads.Rendered rendered = reads.exercise(idOrSlug, Languages.preferred(headers), caller);
        if (EntityTags.matches(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH), rendered.etag())) {
            return Response.notModified().header(HttpHeaders.ETAG, rendered.etag())
                    .header(HttpHeaders.VARY, "Accept-Language").build();
        }
        return Response.ok(rendered.body(), MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.ETAG, rendered.etag())
                .header(HttpHeaders.CONTENT_LANGUAGE, rendered.language()).header(HttpHeaders.VARY, "Accept-Language")
                .build();
    }

    @GET
    @Path("/{idOrSlug}/revisions")
    @Operation(summary = "The exercise's change history, newest first")
    public List<RevisionResponse> revisions(@PathParam("idOrSlug") String idOrSlug) {
        List<RevisionResponse> out = new ArrayList<>();
        for (ExerciseRevision revision : exercises.revisions(idOrSlug, caller)) {
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
        ExerciseService.Ladder ladder = exercises.ladder(idOrSlug, caller);
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
        Exercise exercise = editing.create(request, caller);
        return respond(Response.created(uri.getAbsolutePathBuilder().path(exercise.id.toString()).build()), exercise);
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
        Exercise exercise = editing.update(id, EntityTags.expectedRevision(id, ifMatch), request, caller);
        return respond(Response.ok(), exercise);
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed({ Caller.EDITOR, Caller.ADMIN })
    @Operation(summary = "Send a draft to review")
    public Response submit(@PathParam("id") UUID id) {
        Exercise exercise = editing.submitForReview(id, caller);
        return respond(Response.ok(), exercise);
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({ Caller.EDITOR, Caller.ADMIN })
    @Operation(summary = "Publish an exercise", description = "Emits exercise.published.v1 on catalog.exercises.")
    public Response publish(@PathParam("id") UUID id) {
        Exercise exercise = editing.publish(id, caller);
        return respond(Response.ok(), exercise);
    }

    @POST
    @Path("/{id}/retire")
    @RolesAllowed({ Caller.EDITOR, Caller.ADMIN })
    @Operation(summary = "Retire an exercise", description = "Emits exercise.retired.v1 on catalog.exercises.")
    public Response retire(@PathParam("id") UUID id) {
        Exercise exercise = editing.retire(id, caller);
        return respond(Response.ok(), exercise);
    }

    /** The answer to a change: the exercise in English, with its new ETag. */
    private Response respond(Response.ResponseBuilder builder, Exercise exercise) {
        ExerciseView view = views.localized(exercise, ExerciseViews.ENGLISH);
        return builder.entity(view).header(HttpHeaders.ETAG, ExerciseReads.etag(exercise))
                .header(HttpHeaders.CONTENT_LANGUAGE, view.language()).header(HttpHeaders.VARY, "Accept-Language")
                .build();
    }

    private static LadderResponse.Rung rung(Exercise exercise, int steps) {
        return new LadderResponse.Rung(exercise.id, exercise.slug, exercise.name, exercise.level, steps);
    }

    /** Every value of a repeated, comma-separated query parameter. */
    private static List<String> values(List<String> raw) {
        List<String> out = new ArrayList<>();
        for (String value : raw) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }
}
