package dev.medius.catalog.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import dev.medius.catalog.service.FreeExerciseDbImport;
import dev.medius.catalog.service.ImportReport;
import dev.medius.runtime.problem.ProblemException;
import dev.medius.runtime.security.Caller;

/** Bulk import into the global library. */
@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Import and export")
public class ImportResource {

    @Inject
    FreeExerciseDbImport freeExerciseDb;

    @Inject
    Caller caller;

    @POST
    @Path("/free-exercise-db")
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Import the free-exercise-db JSON array",
            description = "Entries become global drafts, matched by their free-exercise-db id: importing the same file "
                    + "again changes nothing. The report counts imported, updated, unchanged, defaulted and rejected "
                    + "entries, with the reason for each rejection. The global library changes only through admins.")
    public ImportReport importFreeExerciseDb(JsonNode body) {
        if (body == null) {
            throw ProblemException.invalidField("body", "expected a JSON array of free-exercise-db exercises");
        }
        return freeExerciseDb.importAll(body, caller.subject());
    }
}
