package io.fulfillmenthub.storefront.spresso.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Spresso's Order Fulfillment API, the calls the hub makes. Answers come back as they are (the
 * default exception mapper is off); {@link SpressoClient} decides what a status means.
 */
@Path("/v1/fulfillments/{fulfillmentId}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface SpressoApi {

    /** Creates the shipment, or updates the one with the same tracking number: safe to repeat. */
    @PUT
    @Path("/shipments")
    Uni<Response> upsertShipment(@PathParam("fulfillmentId") String fulfillmentId, ShipmentUpsert shipment);

    /** Sets the fulfillment's status: safe to repeat. */
    @PUT
    Uni<Response> updateFulfillment(@PathParam("fulfillmentId") String fulfillmentId, FulfillmentUpdate update);
}
