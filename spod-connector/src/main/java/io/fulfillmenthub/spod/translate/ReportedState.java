package io.fulfillmenthub.spod.translate;

import java.util.Set;

/**
 * The last state of a print order the hub has reported. {@code submitted}, {@code rejected} and
 * {@code held} are the hub's own (the submit's outcome); the others are SPOD's order states once reported as a fact.
 */
public final class ReportedState {

    public static final String SUBMITTED = "submitted";
    public static final String REJECTED = "rejected";
    public static final String CONFIRMED = "confirmed";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    public static final String CANCELED = "canceled";
    /** The hub's own: held before submitting (e.g. a destination SPOD does not serve); never sent to SPOD. */
    public static final String HELD = "held";

    /** States after which SPOD reports nothing more the hub acts on. */
    static final Set<String> FINAL = Set.of(REJECTED, FAILED, CANCELED, HELD);

    /** States after which a new submit of the same fulfillment starts afresh: SPOD has no order of it. */
    public static final Set<String> RESUBMITTABLE = Set.of(REJECTED, HELD);

    private ReportedState() {
    }
}
