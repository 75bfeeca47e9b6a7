package dev.medius.catalog.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.medius.catalog.service.ReferenceData;
import io.quarkus.security.Authenticated;

/** Muscles, conditions and sources. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Reference data", description = "Muscles, conditions and sources the exercises refer to")
public class ReferenceResource {

    @Inject
    ReferenceData reference;

    @GET
    @Path("/muscles")
    @Operation(summary = "Muscles with region, functions and location", description = "Accept-Language: es gives Spanish where it exists.")
    public List<ReferenceResponses.MuscleResponse> muscles(@QueryParam("region") String region, @Context HttpHeaders headers) {
        String language = Languages.preferred(headers);
        return reference.muscles(region).stream().map(m -> ReferenceResponses.MuscleResponse.of(m, language)).toList();
    }

    @GET
    @Path("/conditions")
    @Operation(summary = "Conditions exercises help prevent or manage")
    public List<ReferenceResponses.ConditionResponse> conditions(@Context HttpHeaders headers) {
        String language = Languages.preferred(headers);
        return reference.conditions().stream().map(c -> ReferenceResponses.ConditionResponse.of(c, language)).toList();
    }

    @GET
    @Path("/sources")
    @Operation(summary = "Publications behind the library's claims")
    public List<ReferenceResponses.SourceResponse> sources() {
        return reference.sources().stream().map(ReferenceResponses.SourceResponse::of).toList();
    }
}
