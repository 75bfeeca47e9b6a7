package dev.medius.catalog.rest;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.medius.catalog.domain.ExerciseView;
import dev.medius.catalog.service.ContentLibrary;
import dev.medius.catalog.service.ExerciseExport;
import dev.medius.catalog.service.ReferenceData;
import dev.medius.runtime.security.Caller;
import io.quarkus.security.Authenticated;

/** The library as one JSON document. */
@Path("/api/v1/exports")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Import and export")
public class ExportResource {

    @Inject
    ExerciseExport export;

    @Inject
    ReferenceData reference;

    @Inject
    ContentLibrary library;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** The whole library a caller sees, with every translation. */
    public record LibraryExport(OffsetDateTime exportedAt, String disclaimer, List<ReferenceResponses.SourceResponse> sources,
            List<ReferenceResponses.MuscleResponse> muscles, List<ReferenceResponses.ConditionResponse> conditions,
            List<ExerciseView> exercises) {
    }

    @GET
    @Path("/exercises")
    @Operation(summary = "Export the exercise library as JSON",
            description = "Global content plus the caller's organisation's custom exercises, with reference data; "
                    + "published ones unless status says otherwise (drafts only for editors).")
    public LibraryExport exercises(@QueryParam("status") List<String> status) {
        List<ExerciseView> exercises = export.exercises(caller, status);
        return new LibraryExport(OffsetDateTime.now(clock), library.disclaimer("en"),
                reference.sources().stream().map(ReferenceResponses.SourceResponse::of).toList(),
                reference.muscles(null).stream().map(m -> ReferenceResponses.MuscleResponse.of(m, "en")).toList(),
                reference.conditions().stream().map(c -> ReferenceResponses.ConditionResponse.of(c, "en")).toList(),
                exercises);
    }
}
