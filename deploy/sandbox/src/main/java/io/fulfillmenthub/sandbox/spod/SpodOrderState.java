package io.fulfillmenthub.sandbox.spod;

import java.util.Arrays;
import java.util.Optional;

/** The documented states of a SPOD order, by their wire names. */
public enum SpodOrderState {
    ACKNOWLEDGED("acknowledged"),
    CONFIRMED("confirmed"),
    SENT("sent"),
    FAILED("failed"),
    CANCELED("canceled");

    private final String wire;

    SpodOrderState(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** Still with SPOD's production: it can be confirmed, sent, failed or canceled. */
    boolean open() {
        return this == ACKNOWLEDGED || this == CONFIRMED;
    }

    public static Optional<SpodOrderState> byWire(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst();
    }
}
