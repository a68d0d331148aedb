package io.fulfillmenthub.spod.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * SPOD's Industrial Fulfillment API, as far as the hub uses it. Every method answers the raw response
 * (the default exception mapper is off) so that {@link SpodClient} alone decides what a status means.
 * The base URL and the User-Agent come from {@code quarkus.rest-client.spod.*}.
 */
@RegisterRestClient(configKey = "spod")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface SpodApi {

    @POST
    @Path("/orders")
    Uni<Response> submitOrder(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, SpodOrderRequest order);

    @GET
    @Path("/orders/{externalOrderId}")
    Uni<Response> order(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("externalOrderId") String externalOrderId);

    /** @param updatedSince RFC 3339, inclusive */
    @GET
    @Path("/orders")
    Uni<Response> orders(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("updated-since") String updatedSince, @QueryParam("limit") int limit,
            @QueryParam("offset") int offset);

    @GET
    @Path("/product-types")
    Uni<Response> productTypes(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/shipping-countries")
    Uni<Response> shippingCountries(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @POST
    @Path("/orders/{externalOrderId}/cancel")
    Uni<Response> cancelOrder(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("externalOrderId") String externalOrderId);
}
