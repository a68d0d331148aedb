package io.fulfillmenthub.orchestrator.deadletter;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the index knows of one dead letter, without the record it holds.
 *
 * @param id null until stored
 * @param sourceTopic the topic it was consumed from, where a replay publishes it
 * @param group the consumer group that could not process it
 * @param hubOrderId the Kafka key, else {@code ce_subject}; null when neither names an order
 * @param kind {@code contract}, {@code poison} or {@code held}; null when the kit did not write it
 * @param heldBy for {@code held}: the {@code ce_id} of the dead letter holding the order's lane
 * @param deadLetteredAt the dead letter's record timestamp
 * @param replayedAt the last replay the broker acknowledged, null when never replayed
 */
public record DeadLetterEntry(
        @Nullable Long id,
        String dlqTopic,
        int dlqPartition,
        long dlqOffset,
        String sourceTopic,
        @Nullable Integer sourcePartition,
        @Nullable Long sourceOffset,
        String group,
        @Nullable String ceId,
        @Nullable String ceType,
        @Nullable String hubOrderId,
        @Nullable String kind,
        @Nullable String reason,
        @Nullable String cause,
        @Nullable String heldBy,
        Instant deadLetteredAt,
        @Nullable Instant replayedAt,
        int replayCount) {

    /** {@code <dead-letter topic>/<partition>/<offset>}: where it is, as {@code hub-replay-of} names it. */
    public String position() {
        return dlqTopic + "/" + dlqPartition + "/" + dlqOffset;
    }
}
