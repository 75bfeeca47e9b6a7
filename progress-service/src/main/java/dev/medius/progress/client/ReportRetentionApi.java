package dev.medius.progress.client;

import java.time.LocalDate;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

/** routine-service's retention of session reports, which this service's retention job orders. */
// a client of its own: a first run may take longer than the key requests' read timeout allows
@RegisterRestClient(configKey = "routine-retention")
@Path("/api/v1/admin/retention")
@Produces(MediaType.APPLICATION_JSON)
public interface ReportRetentionApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode apply(Order order, @HeaderParam("Authorization") String authorization);

    /** Every organisation's retention on the day of the run. */
    record Order(LocalDate today, int defaultDays, List<Organisation> organisations) {
    }

    /** An organisation that chose its own. */
    record Organisation(String tenant, int days) {
    }
}
