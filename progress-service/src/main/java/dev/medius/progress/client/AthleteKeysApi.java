package dev.medius.progress.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

/** routine-service's athlete keys, as far as this service reads them. */
@RegisterRestClient(configKey = "routine")
@Path("/api/v1/athlete-keys")
@Produces(MediaType.APPLICATION_JSON)
public interface AthleteKeysApi {

    @GET
    @Path("/{keyId}")
    JsonNode key(@PathParam("keyId") String keyId, @HeaderParam("Authorization") String authorization);
}
