package io.fulfillmenthub.ingest.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulfillmenthub.ingest.service.Rejection;
import io.fulfillmenthub.ingest.service.SourceRateLimits;
import io.fulfillmenthub.ingest.service.WebhookMetrics;
import io.fulfillmenthub.ingest.source.WebhookSource;
import io.fulfillmenthub.ingest.source.WebhookSources;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Answers 429 {@code rate_limited} with {@code Retry-After} (seconds) to a webhook whose source's bucket
 * ({@link SourceRateLimits}) is empty, before its body is read: the cheapest refusal there is.
 */
@ApplicationScoped
public class RateLimitedSources {

    @Inject
    WebhookSources sources;

    @Inject
    SourceRateLimits limits;

    @Inject
    WebhookMetrics metrics;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        for (WebhookSource source : sources.all()) {
            router.route(HttpMethod.POST, source.path())
                    .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2)
                    .handler(context -> check(context, source.name()));
        }
    }

    private void check(RoutingContext context, String source) {
        long retryAfter = limits.tryTake(source);
        if (retryAfter == 0) {
            context.next();
            return;
        }
        metrics.rejected(source, Rejection.RATE_LIMITED);
        RouteRefusal.answer(context, json, Rejection.RATE_LIMITED, "too many " + source + " webhooks: over the rate limit of hub.ingest.sources."
                + source + ".rate-limit (or hub.ingest.rate-limit); send it again after " + retryAfter + " s", Long.toString(retryAfter));
    }
}
