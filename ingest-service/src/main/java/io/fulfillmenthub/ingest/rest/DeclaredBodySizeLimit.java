package io.fulfillmenthub.ingest.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulfillmenthub.ingest.config.IngestConfig;
import io.fulfillmenthub.ingest.service.Rejection;
import io.fulfillmenthub.ingest.service.WebhookIntake;
import io.fulfillmenthub.ingest.service.WebhookMetrics;
import io.fulfillmenthub.ingest.source.WebhookSource;
import io.fulfillmenthub.ingest.source.WebhookSources;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a webhook whose {@code Content-Length} is over {@code hub.ingest.max-body-bytes} before its body
 * is read, with the same JSON 413 as every other refusal. It runs just ahead of Quarkus' own limit
 * ({@code quarkus.http.limits.max-body-size}), which would answer with an empty body. A body sent without
 * a length is measured by the intake once read. Installed for each configured source's path.
 */
@ApplicationScoped
public class DeclaredBodySizeLimit {

    @Inject
    IngestConfig config;

    @Inject
    WebhookSources sources;

    @Inject
    WebhookMetrics metrics;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> quarkusLimit;

    void install(@Observes Router router) {
        if (quarkusLimit.isPresent() && quarkusLimit.get().asLongValue() <= config.maxBodyBytes()) {
            throw new IllegalStateException("hub.ingest.max-body-bytes (" + config.maxBodyBytes()
                    + ") must be below quarkus.http.limits.max-body-size (" + quarkusLimit.get().asLongValue()
                    + "), or Quarkus answers over-large webhooks itself without a JSON error");
        }
        for (WebhookSource source : sources.all()) {
            router.route(HttpMethod.POST, source.path())
                    .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                    .handler(context -> check(context, source.name()));
        }
    }

    private void check(RoutingContext context, String source) {
        long declared = declaredLength(context);
        if (declared <= config.maxBodyBytes()) {
            context.next();
            return;
        }
        metrics.rejected(source, Rejection.BODY_TOO_LARGE);
        String body;
        try {
            body = json.writeValueAsString(new WebhookError(Rejection.BODY_TOO_LARGE.code(),
                    WebhookIntake.tooLarge(declared, config.maxBodyBytes())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // the body was not read, so the connection cannot carry another request
        context.response().endHandler(ended -> context.request().connection().close());
        context.response()
                .setStatusCode(Rejection.BODY_TOO_LARGE.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }

    /** The declared length, or -1 when there is none (chunked) or it is not a number. */
    private static long declaredLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
