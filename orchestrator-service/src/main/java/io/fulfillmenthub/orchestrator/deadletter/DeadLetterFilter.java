package io.fulfillmenthub.orchestrator.deadletter;

import org.jspecify.annotations.Nullable;

/** Which dead letters to list; a null filter matches every one. */
public record DeadLetterFilter(@Nullable String group, @Nullable String order, @Nullable String type,
        @Nullable String kind, @Nullable Boolean replayed) {
}
