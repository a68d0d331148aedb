package io.fulfillmenthub.sandbox.faults;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a fault does: to the calls a vendor API receives, or to the webhooks a vendor sends. */
public enum FaultKind {
    /** Holds each matching call unanswered until the fault ends, then lets it through. */
    FREEZE("freeze", false),
    /** Waits a fixed time before letting each matching call through. */
    LATENCY("latency", false),
    /** Answers each matching call itself with a 5xx or a 429: the vendor never sees it. */
    ERROR("error", false),
    /** Sends nothing for each webhook delivery. */
    DROP_WEBHOOKS("drop-webhooks", true),
    /** Sends each webhook delivery twice. */
    DUPLICATE_WEBHOOKS("duplicate-webhooks", true),
    /** Holds the next N webhook deliveries and sends them in reverse order when the Nth comes. */
    REORDER_WEBHOOKS("reorder-webhooks", true);

    private final String wire;
    private final boolean onWebhooks;

    FaultKind(String wire, boolean onWebhooks) {
        this.wire = wire;
        this.onWebhooks = onWebhooks;
    }

    public String wire() {
        return wire;
    }

    public boolean onWebhooks() {
        return onWebhooks;
    }

    static Optional<FaultKind> byWire(String wire) {
        return Arrays.stream(values()).filter(k -> k.wire.equals(wire)).findFirst();
    }

    static String wires() {
        return Arrays.stream(values()).map(FaultKind::wire).collect(Collectors.joining(", "));
    }
}
