package io.fulfillmenthub.sandbox.spresso;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulfillmenthub.sandbox.config.SandboxConfig;
import io.fulfillmenthub.sandbox.timing.ScenarioTimings;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The simulated Spresso Order Fulfillment API: shipments and fulfillment status of the orders the
 * sandbox created. [unknown] Success answers 200 with the shipment or fulfillment as it now is.
 */
@Path("/spresso/v1/fulfillments/{fulfillmentId}")
@SpressoApi
@Produces(MediaType.APPLICATION_JSON)
public class SpressoApiResource {

    private final SpressoOrderBook orders;
    private final ObjectMapper json;
    private final ScenarioTimings timings;
    private final SandboxConfig config;

    SpressoApiResource(SpressoOrderBook orders, ObjectMapper json, ScenarioTimings timings, SandboxConfig config) {
        this.orders = orders;
        this.json = json;
        this.timings = timings;
        this.config = config;
    }

    /** Creates the shipment, or updates the one with the same tracking number. */
    @PUT
    @Path("/shipments")
    public Response upsertShipment(@RestPath String fulfillmentId, String body) {
        try {
            SpressoOrder order = order(fulfillmentId);
            ShipmentUpdate update = ShipmentUpdate.from(parse(body), config.spresso().carriers());
            return Response.ok(order.upsertShipment(fulfillmentId, update, orders.now())).build();
        } catch (SpressoApiException e) {
            return e.response();
        }
    }

    @PUT
    public Response updateFulfillment(@RestPath String fulfillmentId, String body) {
        try {
            SpressoOrder order = order(fulfillmentId);
            FulfillmentUpdate update = FulfillmentUpdate.from(parse(body));
            SpressoOrderJson.FulfillmentState updated = order.updateFulfillment(fulfillmentId, update, orders.now());
            if (update.status() == SpressoFulfillmentStatus.IN_TRANSIT) {
                timings.record(ScenarioTimings.Mark.SPRESSO_IN_TRANSIT, fulfillmentId);
            }
            return Response.ok(updated).build();
        } catch (SpressoApiException e) {
            return e.response();
        }
    }

    private SpressoOrder order(String fulfillmentId) {
        return orders.findByFulfillment(fulfillmentId).orElseThrow(() ->
                new SpressoApiException(404, "not_found", "fulfillment not found: " + fulfillmentId));
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw SpressoApiException.invalid("body: is required");
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw SpressoApiException.invalid("body: is not valid JSON");
        }
    }
}
