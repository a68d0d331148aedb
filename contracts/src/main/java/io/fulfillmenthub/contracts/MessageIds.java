package io.fulfillmenthub.contracts;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * CloudEvent ids that stay the same when the same logical message is produced again (a retry, a
 * replay, a re-run after a crash), so that consumers can dedupe on {@code ce_id}.
 */
public final class MessageIds {

    private MessageIds() {
    }

    /** A name-based UUID of the parts that identify the logical message, e.g. its cause's id and its type. */
    public static String derive(String... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("at least one part is needed");
        }
        // the unit separator cannot occur in ids, so ("a:b","c") and ("a","b:c") differ
        return UUID.nameUUIDFromBytes(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
