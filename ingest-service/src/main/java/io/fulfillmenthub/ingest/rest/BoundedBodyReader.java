package io.fulfillmenthub.ingest.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulfillmenthub.ingest.config.IngestConfig;
import io.fulfillmenthub.ingest.service.Rejection;
import io.fulfillmenthub.ingest.service.WebhookIntake;
import io.fulfillmenthub.ingest.service.WebhookMetrics;
import io.fulfillmenthub.ingest.source.WebhookSource;
import io.fulfillmenthub.ingest.source.WebhookSources;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the body of every request on every route before the REST layer does, keeping at most
 * {@code hub.ingest.max-body-bytes}: a declared {@code Content-Length} over it is refused before a byte is read,
 * and a body sent chunked is refused (413 {@code body_too_large}) as soon as what has arrived passes it, the rest
 * never kept. A body still arriving after {@code hub.ingest.body-timeout} is refused 408 {@code body_timeout}
 * (slowloris). All requests together hold at most {@code hub.ingest.max-body-bytes-in-flight} of bodies (503
 * {@code busy} past it). Each refusal closes the connection. Quarkus' own limit would answer a chunked body with an
 * empty 413, so this runs just ahead of it; the resources take the body from {@link RequestBodies}.
 */
@ApplicationScoped
public class BoundedBodyReader {

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

    private BodyBudget budget;

    void install(@Observes Router router) {
        budget = new BodyBudget(config.maxBodyBytesInFlight());
        if (quarkusLimit.isPresent() && quarkusLimit.get().asLongValue() < config.maxBodyBytes()) {
            throw new IllegalStateException("hub.ingest.max-body-bytes (" + config.maxBodyBytes()
                    + ") must not be above quarkus.http.limits.max-body-size (" + quarkusLimit.get().asLongValue()
                    + "), or Quarkus answers over-large bodies itself without a JSON error");
        }
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::read);
    }

    private void read(RoutingContext context) {
        HttpServerRequest request = context.request();
        long limit = config.maxBodyBytes();
        long declared = declaredLength(request);
        if (declared > limit) {
            refuse(context, Rejection.BODY_TOO_LARGE, WebhookIntake.tooLarge(declared, limit));
            return;
        }
        if (request.isEnded()) {
            context.next();
            return;
        }
        // never sized by the declared length: headers alone must not reserve a megabyte
        Reading reading = new Reading(budget, Buffer.buffer((int) Math.min(declared > 0 ? declared : 4096, 16 * 1024)));
        reading.timer = context.vertx().setTimer(config.bodyTimeout().toMillis(), fired -> {
            long came = reading.taken;
            if (reading.finish()) {
                refuse(context, Rejection.BODY_TIMEOUT, "the body did not arrive within " + config.bodyTimeout().toMillis()
                        + " ms (hub.ingest.body-timeout); " + came + " bytes came");
            }
        });
        request.handler(chunk -> {
            if (reading.done) {
                return;
            }
            if (reading.body.length() + (long) chunk.length() > limit) {
                reading.finish(context);
                refuse(context, Rejection.BODY_TOO_LARGE, "body is over the limit of " + limit
                        + " bytes (sent without Content-Length; refused once more had arrived)");
                return;
            }
            if (!budget.take(chunk.length())) {
                reading.finish(context);
                refuse(context, Rejection.BUSY, "too many bodies are arriving at once (hub.ingest.max-body-bytes-in-flight, "
                        + config.maxBodyBytesInFlight() + " bytes); send it again later", Integer.toString(config.retryAfterSeconds()));
                return;
            }
            reading.taken += chunk.length();
            reading.body.appendBuffer(chunk);
        });
        request.endHandler(ended -> {
            Buffer body = reading.body;
            if (reading.finish(context)) {
                context.put(RequestBodies.KEY, body);
                context.next();
            }
        });
        request.exceptionHandler(failure -> reading.finish(context));
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            request.response().writeContinue();
        }
        request.resume();
    }

    private void refuse(RoutingContext context, Rejection reason, String message) {
        refuse(context, reason, message, null);
    }

    private void refuse(RoutingContext context, Rejection reason, String message, String retryAfter) {
        String path = context.normalizedPath();
        if (path.startsWith(WebhookSource.PATH_PREFIX)) {
            sources.named(path.substring(WebhookSource.PATH_PREFIX.length()))
                    .ifPresent(source -> metrics.rejected(source.name(), reason));
        }
        RouteRefusal.answer(context, json, reason, message, retryAfter);
    }

    /** The declared length, or -1 when there is none (chunked) or it is not a number. */
    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** One body being read; every callback runs on the connection's event loop. */
    private static final class Reading {

        final BodyBudget budget;
        Buffer body;
        long taken;
        long timer = -1;
        boolean done;

        Reading(BodyBudget budget, Buffer body) {
            this.budget = budget;
            this.body = body;
        }

        /** Marks it done and gives its bytes back to the budget (it counts bodies while they arrive); false when it already was. */
        boolean finish() {
            if (done) {
                return false;
            }
            done = true;
            budget.giveBack(taken);
            // a refused connection may stay open a while: it must not keep what it sent
            body = null;
            return true;
        }

        boolean finish(RoutingContext context) {
            if (!finish()) {
                return false;
            }
            context.vertx().cancelTimer(timer);
            return true;
        }
    }
}
