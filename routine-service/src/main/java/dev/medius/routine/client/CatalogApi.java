package dev.medius.routine.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

/** catalog-service's exercise API, as far as this service reads it. */
@RegisterRestClient(configKey = "catalog")
@Path("/api/v1/exercises")
@Produces(MediaType.APPLICATION_JSON)
public interface CatalogApi {

    @GET
    @Path("/{idOrSlug}")
    JsonNode exercise(@PathParam("idOrSlug") String idOrSlug, @HeaderParam("Authorization") String authorization);
}
