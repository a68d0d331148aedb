package io.fulfillmenthub.contracts;

import java.util.Locale;
import java.util.Objects;

/** Builds and reads hub order ids, {@code <source>:<source order id>}. */
public final class HubOrderId {

    private HubOrderId() {
    }

    public static String of(String source, String sourceOrderId) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceOrderId, "sourceOrderId");
        if (source.isBlank() || source.contains(":")) {
            throw new IllegalArgumentException("source must be a non-blank name without ':', was '" + source + "'");
        }
        if (sourceOrderId.isBlank()) {
            throw new IllegalArgumentException("sourceOrderId must not be blank");
        }
        return source.toLowerCase(Locale.ROOT) + ":" + sourceOrderId;
    }

    /** The source part of a hub order id, e.g. {@code spresso}. */
    public static String source(String hubOrderId) {
        int colon = hubOrderId.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not a hub order id (expected <source>:<id>): '" + hubOrderId + "'");
        }
        return hubOrderId.substring(0, colon);
    }
}
