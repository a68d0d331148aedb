package io.fulfillmenthub.ingest.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulfillmenthub.ingest.service.Rejection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * A refusal answered from a Vert.x route, ahead of the REST layer, with the same JSON body as every other
 * refusal. The body was not read (or not all of it), so the connection cannot carry another request: reading
 * stops, and the connection is closed {@value #LINGER_MILLIS} ms after the answer is written, which leaves a
 * client still sending the time to read the answer (closed at once, most clients see a reset instead).
 */
final class RouteRefusal {

    static final long LINGER_MILLIS = 1000;

    private RouteRefusal() {
    }

    static void answer(RoutingContext context, ObjectMapper json, Rejection reason, String message, String retryAfterSeconds) {
        String body;
        try {
            body = json.writeValueAsString(new WebhookError(reason.code(), message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        var response = context.response();
        if (response.ended() || response.headWritten()) {
            context.request().connection().close();
            return;
        }
        context.request().pause();
        response.endHandler(ended -> context.vertx().setTimer(LINGER_MILLIS, linger -> context.request().connection().close()));
        response.setStatusCode(reason.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close");
        if (retryAfterSeconds != null) {
            response.putHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        }
        response.end(body);
    }
}
