package io.fulfillmenthub.sandbox.calls;

import java.util.Map;

/**
 * One request a vendor API of the sandbox received, and the status it answered.
 *
 * @param sequence arrival order, from 1
 * @param headers the selected headers, names in lower case, Authorization reduced to its scheme
 * @param receivedAt RFC 3339
 */
public record RecordedCall(
        long sequence,
        String vendor,
        String method,
        String path,
        String query,
        Map<String, String> headers,
        String body,
        int status,
        String receivedAt) {}
