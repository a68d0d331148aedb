package io.fulfillmenthub.contracts.facts;

import static io.fulfillmenthub.contracts.Fields.required;
import static io.fulfillmenthub.contracts.Fields.requiredText;

import io.fulfillmenthub.contracts.Fact;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Something an operator should read on the order's timeline, that changes no state: e.g. a
 * connector sent a carrier the storefront does not know as its configured fallback.
 *
 * @param source who noted it, e.g. {@code storefront-connector}
 */
public record TimelineNoted(
        String hubOrderId,
        @Nullable String fulfillmentId,
        String source,
        String note,
        Instant notedAt) implements Fact {

    public TimelineNoted {
        requiredText(hubOrderId, "hubOrderId");
        requiredText(source, "source");
        requiredText(note, "note");
        required(notedAt, "notedAt");
    }
}
