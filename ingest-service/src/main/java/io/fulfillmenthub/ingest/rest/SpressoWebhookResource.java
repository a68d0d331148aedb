package io.fulfillmenthub.ingest.rest;

import io.fulfillmenthub.ingest.service.SpressoWebhookService;
import io.fulfillmenthub.ingest.signature.SpressoSignature;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Spresso's webhooks ({@code order_fulfillable}, {@code order_cancelled}). No {@code @Consumes}: the
 * service checks the content type itself, so a wrong one gets the same JSON error as every other refusal.
 */
@Path(SpressoWebhookResource.PATH)
public class SpressoWebhookResource {

    public static final String PATH = "/webhooks/spresso";

    @Inject
    SpressoWebhookService webhooks;

    @Inject
    WebhookResponses responses;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Object>> receive(@RestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
            @RestHeader(SpressoSignature.HEADER) String signature, byte[] body) {
        return webhooks.receive(contentType, signature, body == null ? new byte[0] : body).map(responses::of);
    }
}
