package io.fulfillmenthub.orchestrator.domain;

import java.util.Objects;

/**
 * What an order's transitions consult beyond the fact: where fulfillments go, how the hub forms them for a
 * storefront that sends none, each fulfiller's commands, and the fulfillable rule.
 */
public record HubRules(FulfillmentRouting routing, FulfillmentForming forming, FulfillerCommands commands,
        FulfillableRule fulfillable) {

    public HubRules {
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(forming, "forming");
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(fulfillable, "fulfillable");
    }

    /** Storefront-formed fulfillments only, with the default fulfillable rule (the Spresso path). */
    public static HubRules of(FulfillmentRouting routing, FulfillerCommands commands) {
        return new HubRules(routing, FulfillmentForming.NONE, commands, FulfillableRule.defaults());
    }
}
