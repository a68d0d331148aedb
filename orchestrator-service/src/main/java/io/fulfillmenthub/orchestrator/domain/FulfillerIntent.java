package io.fulfillmenthub.orchestrator.domain;

import io.fulfillmenthub.contracts.model.Address;
import io.fulfillmenthub.contracts.model.Fulfiller;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the order decides to ask of a fulfillment's fulfiller, in no fulfiller's terms: submit it (again, under a
 * new external id, for a resubmission) or cancel it. {@link FulfillerCommands} turns it into that fulfiller's command.
 */
public sealed interface FulfillerIntent {

    Fulfiller fulfiller();

    String hubOrderId();

    String fulfillmentId();

    /** The submission's external id at the fulfiller when it is not the first; null for the first. */
    @Nullable String externalOrderId();

    /** Print and ship the fulfillment as routed; a resubmission when {@code externalOrderId} is set. */
    record Submit(Fulfiller fulfiller, String hubOrderId, String fulfillmentId, @Nullable String externalOrderId,
            Route.Print route, Address shipTo) implements FulfillerIntent {

        public Submit {
            Objects.requireNonNull(fulfiller, "fulfiller");
            Objects.requireNonNull(route, "route");
            Objects.requireNonNull(shipTo, "shipTo");
        }

        public boolean isResubmission() {
            return externalOrderId != null;
        }
    }

    /** Cancel the fulfillment's current submission. */
    record Cancel(Fulfiller fulfiller, String hubOrderId, String fulfillmentId, @Nullable String externalOrderId,
            @Nullable String reason) implements FulfillerIntent {

        public Cancel {
            Objects.requireNonNull(fulfiller, "fulfiller");
        }
    }
}
