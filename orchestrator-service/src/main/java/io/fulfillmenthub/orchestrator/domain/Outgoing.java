package io.fulfillmenthub.orchestrator.domain;

import io.fulfillmenthub.contracts.HubMessage;
import io.fulfillmenthub.contracts.MessageIds;
import java.util.Objects;

/**
 * A command or lifecycle event a transition causes. {@code what} names it uniquely among everything
 * one fact causes, so its {@code ce_id} is {@code MessageIds.derive(cause ce_id, what)} and a repeat of
 * the fact repeats the id.
 */
public record Outgoing(String what, HubMessage message) {

    public Outgoing {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(message, "message");
    }

    public String messageId(Cause cause) {
        return MessageIds.derive(cause.factId(), what);
    }
}
