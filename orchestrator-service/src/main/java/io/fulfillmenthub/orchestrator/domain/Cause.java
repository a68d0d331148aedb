package io.fulfillmenthub.orchestrator.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The fact that caused a transition: its CloudEvent type and id, and when it happened. Every
 * transition and every message it causes names it, so a timeline explains itself and a repeat of the
 * fact derives the same message ids.
 */
public record Cause(String factType, String factId, Instant at) {

    public Cause {
        Objects.requireNonNull(factType, "factType");
        Objects.requireNonNull(factId, "factId");
        Objects.requireNonNull(at, "at");
    }

    /** How the public lifecycle names the cause: {@code <ce_type>/<ce_id>}. */
    public String describe() {
        return factType + "/" + factId;
    }
}
