package io.fulfillmenthub.spod.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** SPOD's error body: {@code {message, trace-id, retryable}}; {@code retryable} is null when absent. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SpodError(String message, @JsonProperty("trace-id") String traceId, Boolean retryable) {
}
