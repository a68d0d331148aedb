package io.fulfillmenthub.sandbox.spod;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** SPOD's documented error body. */
@JsonPropertyOrder({"message", "trace-id", "retryable"})
public record SpodError(String message, @JsonProperty("trace-id") String traceId, boolean retryable) {

    public static Response response(int status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(new SpodError(message, UUID.randomUUID().toString(), status >= 500))
                .build();
    }
}
