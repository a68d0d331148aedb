package io.fulfillmenthub.orchestrator.domain;

import io.fulfillmenthub.contracts.commands.SaleMode;
import io.fulfillmenthub.contracts.model.Address;
import io.fulfillmenthub.contracts.model.Fulfiller;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the order decides to ask of a fulfillment's fulfiller, in no fulfiller's terms: submit it (again, under a
 * new external id, for a resubmission), cancel it, or (a store) hand it over. {@link FulfillerCommands} turns it
 * into that fulfiller's command.
 */
public sealed interface FulfillerIntent {

    Fulfiller fulfiller();

    String hubOrderId();

    String fulfillmentId();

    /** The submission's external id at the fulfiller when it is not the first; null for the first. */
    @Nullable String externalOrderId();

    /**
     * Make and send, or hand over at a store, the fulfillment as routed; a resubmission when {@code externalOrderId}
     * is set.
     *
     * @param route a {@link Route.Print} or a {@link Route.Store}
     * @param storefrontOrder how the storefront names the order, e.g. {@code SPRESSO order 1001}
     */
    record Submit(Fulfiller fulfiller, String hubOrderId, String fulfillmentId, @Nullable String externalOrderId,
            Route route, Address shipTo, String storefrontOrder) implements FulfillerIntent {

        public Submit {
            Objects.requireNonNull(fulfiller, "fulfiller");
            Objects.requireNonNull(route, "route");
            Objects.requireNonNull(shipTo, "shipTo");
            if (route instanceof Route.Hold) {
                throw new IllegalArgumentException("a held fulfillment is not submitted: " + fulfillmentId);
            }
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

    /** A store hands the fulfillment to the customer: collected ({@code PICKUP}) or dispatched ({@code DELIVERY}). */
    record Handover(Fulfiller fulfiller, String hubOrderId, String fulfillmentId, SaleMode mode)
            implements FulfillerIntent {

        public Handover {
            Objects.requireNonNull(fulfiller, "fulfiller");
            Objects.requireNonNull(mode, "mode");
        }

        @Override
        public @Nullable String externalOrderId() {
            return null;
        }
    }
}
