package dev.medius.progress.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

    /** The athlete's key, made if they have none: for data this service seals, recorded at {@code dataTime}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode issue(KeyRequest request, @HeaderParam("Authorization") String authorization);

    /** Whose key, and when the data to seal was recorded: an athlete erased since then has none to give. */
    record KeyRequest(String tenant, String athleteId, java.time.OffsetDateTime dataTime) {
    }
}
