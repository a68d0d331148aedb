package io.fulfillmenthub.orchestrator.api;

import io.fulfillmenthub.orchestrator.deadletter.DeadLetterEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A dead letter as operators see it: whose it is, what it was, why it died, how long ago, and whether it
 * was replayed.
 *
 * @param age since it was dead-lettered, ISO-8601 to the second, e.g. {@code PT3H12M5S}
 */
public record DeadLetterView(
        long id,
        String group,
        String orderId,
        String type,
        String ceId,
        String kind,
        String reason,
        String cause,
        String heldBy,
        String sourceTopic,
        String deadLetterTopic,
        int partition,
        long offset,
        Instant deadLetteredAt,
        String age,
        boolean replayed,
        Instant replayedAt,
        int replayCount) {

    static DeadLetterView of(DeadLetterEntry entry, Instant now) {
        Duration age = Duration.between(entry.deadLetteredAt(), now).truncatedTo(ChronoUnit.SECONDS);
        return new DeadLetterView(entry.id(), entry.group(), entry.hubOrderId(), entry.ceType(), entry.ceId(),
                entry.kind(), entry.reason(), entry.cause(), entry.heldBy(), entry.sourceTopic(), entry.dlqTopic(),
                entry.dlqPartition(), entry.dlqOffset(), entry.deadLetteredAt(),
                (age.isNegative() ? Duration.ZERO : age).toString(), entry.replayedAt() != null, entry.replayedAt(),
                entry.replayCount());
    }
}
