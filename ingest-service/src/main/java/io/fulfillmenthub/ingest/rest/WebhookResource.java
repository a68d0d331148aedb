package io.fulfillmenthub.ingest.rest;

import io.fulfillmenthub.ingest.service.WebhookIntake;
import io.fulfillmenthub.ingest.source.WebhookSources;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Every configured source's webhooks, {@code POST /webhooks/<source>}; 404 for a source not configured.
 * No {@code @Consumes}: the intake checks the content type itself, so a wrong one gets the same JSON error
 * as every other refusal. The body was read, within its limits, by {@link BoundedBodyReader}.
 */
@Path("/webhooks/{source}")
public class WebhookResource {

    @Inject
    WebhookSources sources;

    @Inject
    WebhookIntake intake;

    @Inject
    WebhookResponses responses;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Object>> receive(@RestPath String source, @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
            HttpServerRequest request, RoutingContext context) {
        return sources.named(source)
                .map(configured -> intake.receive(configured, contentType, request::getHeader, RequestBodies.of(context))
                        .map(responses::of))
                .orElseGet(() -> Uni.createFrom().item(responses.unknownSource(source, sources.names())));
    }
}
