package io.fulfillmenthub.spod.translate;

import java.util.Set;

/**
 * The last state of a print order the hub has reported. {@code submitted} and {@code rejected} are the
 * hub's own (the submit's outcome); the others are SPOD's order states once reported as a fact.
 */
public final class ReportedState {

    public static final String SUBMITTED = "submitted";
    public static final String REJECTED = "rejected";
    public static final String CONFIRMED = "confirmed";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    public static final String CANCELED = "canceled";

    /** States after which SPOD reports nothing more the hub acts on. */
    static final Set<String> FINAL = Set.of(REJECTED, FAILED, CANCELED);

    private ReportedState() {
    }
}
