package dev.medius.runtime.problem;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;

/** Coaches' notes on a training day: an API small enough to fail in every way the problem mappers answer. */
@Path("/test/notes")
@Produces(MediaType.APPLICATION_JSON)
public class TrainingNoteResource {

    public enum Feeling {
        STRONG, TIRED
    }

    public record NoteRequest(@NotBlank String title, @Size(max = 3) List<@Min(1) Integer> sets, LocalDate day,
            Feeling feeling) {
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public NoteRequest write(@Valid @NotNull NoteRequest request) {
        return request;
    }

    @GET
    @PermitAll
    public List<String> list(@QueryParam("limit") @DefaultValue("10") @Min(1) @Max(50) int limit) {
        return List.of();
    }

    @GET
    @Path("{id}")
    @PermitAll
    public NoteRequest read(@PathParam("id") long id) {
        throw ProblemException.notFound("note " + id);
    }

    @PUT
    @Path("{id}")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public NoteRequest replace(@PathParam("id") long id, NoteRequest request) {
        throw new ProblemException(409, "Conflict", "note " + id + " changed since you read it");
    }

    @GET
    @Path("{id}/history")
    @PermitAll
    public List<NoteRequest> history(@PathParam("id") long id) {
        throw new IllegalStateException("history store at 10.0.0.7 is offline");
    }

    @GET
    @Path("mine")
    @Authenticated
    public List<String> mine() {
        return List.of();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("editor")
    public void remove(@PathParam("id") long id) {
    }
}
