package io.fulfillmenthub.storefront.squarespace.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Squarespace's Commerce APIs, the calls the hub makes. Answers come back as they are (the default
 * exception mapper is off); {@link SquarespaceClient} decides what a status means. A null query
 * parameter is left out of the request.
 */
@Path("/1.0/commerce/orders")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface SquarespaceApi {

    @GET
    @Path("/{id}")
    Uni<Response> order(@PathParam("id") String orderId);

    /** Either both dates, or the cursor alone (documented: they cannot be combined). */
    @GET
    Uni<Response> orders(@QueryParam("modifiedAfter") String modifiedAfter, @QueryParam("modifiedBefore") String modifiedBefore,
            @QueryParam("cursor") String cursor);

    /** Adds the shipments to the order: not idempotent, each call adds them again. */
    @POST
    @Path("/{id}/fulfillments")
    Uni<Response> fulfill(@PathParam("id") String orderId, @HeaderParam("Idempotency-Key") String idempotencyKey,
            FulfillOrderRequest request);
}
