package io.fulfillmenthub.pos.lightspeed.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
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
 * Lightspeed X-Series as far as the hub uses it. Every method answers the raw response (the default exception
 * mapper is off) so that {@link LightspeedClient} alone decides what a status means. Bodies are JSON text, read
 * tolerantly by {@link LightspeedSale}. The base URL comes from {@code quarkus.rest-client.lightspeed.url}.
 */
@RegisterRestClient(configKey = "lightspeed")
@Produces(MediaType.APPLICATION_JSON)
public interface LightspeedApi {

    @POST
    @Path("/api/1.0/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Uni<Response> refresh(@FormParam("grant_type") String grantType, @FormParam("refresh_token") String refreshToken,
            @FormParam("client_id") String clientId, @FormParam("client_secret") String clientSecret);

    @POST
    @Path("/api/register_sales")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> registerSale(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String sale);

    @GET
    @Path("/api/2.0/sales/{id}")
    Uni<Response> sale(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String saleId);

    @GET
    @Path("/api/2.0/sales/{id}/fulfillments")
    Uni<Response> fulfillments(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String saleId);

    @POST
    @Path("/api/2.0/sales/{id}/fulfill")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> fulfill(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String saleId,
            String fulfillment);

    @GET
    @Path("/api/2.0/sales")
    Uni<Response> sales(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("after") long after,
            @QueryParam("page_size") int pageSize);
}
