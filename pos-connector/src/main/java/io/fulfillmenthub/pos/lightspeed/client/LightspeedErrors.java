package io.fulfillmenthub.pos.lightspeed.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.kit.http.RetryAfter;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/** What an error status from Lightspeed means for the hub: the one place that decides retry or stop. */
public final class LightspeedErrors {

    private LightspeedErrors() {
    }

    /**
     * @param body {@code {"error", "message"}}, or anything else (read tolerantly)
     * @param tokenCall whether this is the token endpoint: there a 400/401 is refused credentials, for an operator
     */
    public static LightspeedApiException classify(String call, int status, String body, String retryAfter, Instant now,
            boolean tokenCall) {
        String error = null;
        String message = null;
        if (body != null && !body.isBlank()) {
            try {
                JsonNode node = HubJson.mapper().readTree(body);
                if (node != null && node.isObject()) {
                    error = node.hasNonNull("error") ? node.get("error").asText() : null;
                    message = node.hasNonNull("message") ? node.get("message").asText() : null;
                }
            } catch (IOException notJson) {
                // an error page: the status says enough
            }
        }
        boolean credentials = status == 401 || status == 403 || tokenCall && status == 400;
        if (credentials || status >= 500 || status == 408 || status == 409 || status == 429) {
            Duration wait = RetryAfter.parse(retryAfter, now).orElse(null);
            if (tokenCall && status == 400) {
                message = (message == null ? "" : message + "; ") + "the refresh token was refused: give the connector a new one "
                        + "(set hub.lightspeed.refresh-token, HUB_LIGHTSPEED_REFRESH_TOKEN, and restart it: it is tried when the "
                        + "stored one is refused)";
            }
            return new LightspeedTransientException(call, status, error, message, wait);
        }
        return new LightspeedRejection(call, status, error, message);
    }
}
