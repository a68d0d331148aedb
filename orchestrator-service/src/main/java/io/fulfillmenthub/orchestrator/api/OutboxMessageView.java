package io.fulfillmenthub.orchestrator.api;

import io.fulfillmenthub.orchestrator.persistence.OutboxRows;
import java.time.Instant;

/**
 * A message of an order that the relay could not publish: parked ({@code parkedAt} set) until an
 * operator retries it, or still being retried. The order's later messages wait behind it.
 */
public record OutboxMessageView(long id, String hubOrderId, String topic, String type, String ceId, int attempts,
        String error, Instant failedAt, Instant parkedAt, Instant createdAt) {

    static OutboxMessageView of(OutboxRows.Failed row) {
        return new OutboxMessageView(row.id(), row.hubOrderId(), row.topic(), row.ceType(), row.ceId(), row.attempts(),
                row.lastError(), row.lastFailedAt(), row.parkedAt(), row.createdAt());
    }
}
