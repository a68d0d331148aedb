package io.fulfillmenthub.sandbox.faults;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A fault as the control API shows it; fields that do not apply to its kind are left out.
 *
 * @param remaining how many of {@code count} calls or deliveries are left
 * @param until RFC 3339, when {@code durationMs} runs out
 * @param holding calls held back (freeze, latency) or webhook deliveries held (reorder-webhooks) now
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaultView(
        String id,
        String vendor,
        String kind,
        Integer status,
        Integer retryAfterSeconds,
        Long latencyMs,
        String method,
        String path,
        Integer count,
        Integer remaining,
        Long durationMs,
        String createdAt,
        String until,
        int holding) {}
