package io.fulfillmenthub.orchestrator.api;

import java.util.List;

/** One page of dead letters by id; {@code next} is the {@code after} of the next page, null on the last. */
public record DeadLetterPage(List<DeadLetterView> deadLetters, Long next) {
}
