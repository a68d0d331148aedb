package io.fulfillmenthub.orchestrator.api;

import java.util.List;

/** One page of parked outbox messages by id; {@code next} is the {@code after} of the next page, null on the last. */
public record OutboxPage(List<OutboxMessageView> messages, String next) {
}
