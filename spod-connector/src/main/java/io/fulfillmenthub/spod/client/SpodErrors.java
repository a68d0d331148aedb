package io.fulfillmenthub.spod.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.kit.http.RetryAfter;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/** What an error status from SPOD means for the hub: the one place that decides retry or stop. */
public final class SpodErrors {

    private static final ObjectMapper MAPPER = HubJson.mapper();

    private SpodErrors() {
    }

    /**
     * @param call what was called, for the message, e.g. {@code POST /orders}
     * @param body the response body, possibly not JSON or empty
     * @param retryAfter the {@code Retry-After} header, or null
     */
    public static SpodApiException classify(String call, int status, String body, String retryAfter, Instant now) {
        SpodError error = parse(body);
        String message = error == null ? null : error.message();
        String traceId = error == null ? null : error.traceId();
        if (status == 401 || status == 403) {
            return new SpodAuthorizationException(call, status, message, traceId);
        }
        boolean transientStatus = status >= 500 || status == 408 || status == 409 || status == 429;
        boolean retryable = error != null && error.retryable() != null ? error.retryable() : transientStatus;
        if (retryable) {
            Duration wait = RetryAfter.parse(retryAfter, now).orElse(null);
            return new SpodTransientException(call, status, message, traceId, wait,
                    error != null && Boolean.TRUE.equals(error.retryable()));
        }
        return new SpodRejection(call, status, message, traceId);
    }

    private static SpodError parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readValue(body, SpodError.class);
        } catch (IOException notJson) {
            return null;
        }
    }
}
