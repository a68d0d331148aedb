package io.fulfillmenthub.ingest.rest;

import io.fulfillmenthub.ingest.config.IngestConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The benchmark's ceiling for {@code POST /webhooks/spresso}: the same HTTP stack, body reading ({@link BoundedBodyReader}) and
 * threading model (a {@link Uni} on the event loop), but it only reads the body and answers; no
 * verification, no Kafka. Off unless {@code hub.ingest.baseline-endpoint.enabled=true}; off, it is a 404.
 */
@Path(BaselineResource.PATH)
public class BaselineResource {

    public static final String PATH = "/_baseline/read-body";

    @Inject
    IngestConfig config;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Object>> readBody(RoutingContext context) {
        if (!config.baselineEndpoint().enabled()) {
            return Uni.createFrom().item(RestResponse.notFound());
        }
        int length = RequestBodies.of(context).length;
        return Uni.createFrom().item(RestResponse.ok(new BaselineReceipt(length), MediaType.APPLICATION_JSON_TYPE));
    }

    /** What the baseline answers: how many bytes it read. */
    public record BaselineReceipt(int read) {
    }
}
