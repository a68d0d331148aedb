package io.fulfillmenthub.sandbox.calls;

import java.util.List;
import java.util.Map;

/**
 * One request a vendor API of the sandbox received, and the status it answered.
 *
 * @param sequence arrival order, from 1
 * @param headers the selected headers, names in lower case, Authorization reduced to its scheme
 * @param status the status answered, null when no answer was sent (the caller went away first)
 * @param receivedAt RFC 3339
 * @param fault the faults the sandbox injected into this call, null when none
 */
public record RecordedCall(
        long sequence,
        String vendor,
        String method,
        String path,
        String query,
        Map<String, String> headers,
        String body,
        Integer status,
        String receivedAt,
        Fault fault) {

    /**
     * @param reachedVendor whether the simulated vendor handled the call; false when a fault answered
     *     it (an injected 503 or 429) or the caller gave up while it was held, so the vendor never saw it
     * @param applied each fault that touched the call, in the order they applied
     */
    public record Fault(boolean reachedVendor, List<AppliedFault> applied) {}

    /** @param kind as the control API names it: {@code freeze}, {@code latency}, {@code error} */
    public record AppliedFault(String id, String kind) {}
}
