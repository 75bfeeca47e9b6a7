package dev.medius.routine.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

/** progress-service's API, as far as this service reads it: its part of an athlete's export. */
@RegisterRestClient(configKey = "progress")
@Path("/api/v1/athletes")
@Produces(MediaType.APPLICATION_JSON)
public interface ProgressApi {

    @GET
    @Path("/{athleteId}/export")
    JsonNode export(@PathParam("athleteId") String athleteId, @HeaderParam("Authorization") String authorization);
}
