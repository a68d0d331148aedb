package io.fulfillmenthub.kit.deadletter;

/**
 * The headers a dead letter carries besides the original record's (issue 11 agreements). SmallRye's
 * dead-letter handler writes the {@code dead-letter-*} ones first, then the original headers, then the
 * headers of the nack metadata, which is where the kit adds the {@code hub-*} ones.
 */
public final class DeadLetterHeaders {

    /** Every header SmallRye's dead-letter handler adds starts with this. */
    public static final String SMALLRYE_PREFIX = "dead-letter-";
    /** The exception message. */
    public static final String REASON = "dead-letter-reason";
    /** The message of the exception's cause, when it has one. */
    public static final String CAUSE = "dead-letter-cause";
    /** The topic the record was consumed from: where a replay publishes it again. */
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";

    /** Every header the kit adds to a dead letter starts with this. */
    public static final String HUB_PREFIX = "hub-dead-letter-";
    /** {@code contract}, {@code poison} or {@code held}. */
    public static final String KIND = "hub-dead-letter-kind";
    /** The consumer group that could not process the record. */
    public static final String GROUP = "hub-dead-letter-group";
    /** For {@code held}: the {@code ce_id} of the dead letter that holds the order's lane. */
    public static final String HELD_BY = "hub-held-by";

    /** On a replayed record: {@code <dead-letter topic>/<partition>/<offset>} of the dead letter it replays. */
    public static final String REPLAY_OF = "hub-replay-of";

    public static final String KIND_CONTRACT = "contract";
    public static final String KIND_POISON = "poison";
    public static final String KIND_HELD = "held";

    private DeadLetterHeaders() {
    }

    /** Whether a header was added by dead-lettering or an earlier replay, so a replay leaves it out. */
    public static boolean isAddedByDeadLettering(String name) {
        return name.startsWith(SMALLRYE_PREFIX) || name.startsWith(HUB_PREFIX) || name.equals(HELD_BY)
                || name.equals(REPLAY_OF);
    }
}
