package io.fulfillmenthub.orchestrator.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of an order's timeline: what changed (the order when {@code fulfillmentId} is null, else
 * that fulfillment), from which status to which, and the fact that caused it.
 *
 * @param fromStatus null when the subject was created; equal to {@code toStatus} when nothing moved
 *        (a note, e.g. a refused fact or a cancellation the fulfiller rejected)
 */
public record TimelineEntry(
        Instant at,
        String factType,
        String factId,
        @Nullable String fulfillmentId,
        @Nullable String fromStatus,
        @Nullable String toStatus,
        String note) {

    public static TimelineEntry of(Cause cause, @Nullable String fulfillmentId, @Nullable Enum<?> from,
            @Nullable Enum<?> to, String note) {
        return new TimelineEntry(cause.at(), cause.factType(), cause.factId(), fulfillmentId,
                from == null ? null : from.name(), to == null ? null : to.name(), note);
    }
}
