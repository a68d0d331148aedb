package io.fulfillmenthub.storefront.squarespace;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillmenthub.contracts.Envelope;
import io.fulfillmenthub.contracts.MessageIds;
import io.fulfillmenthub.contracts.commands.UpdateStorefrontFulfillmentStatus;
import io.fulfillmenthub.contracts.facts.CommandFailed;
import io.fulfillmenthub.kit.messaging.HubPublisher;
import io.fulfillmenthub.kit.messaging.IncomingCloudEvent;
import io.fulfillmenthub.storefront.squarespace.client.FulfillOrderRequest;
import io.fulfillmenthub.storefront.squarespace.client.SquarespaceClient;
import io.fulfillmenthub.storefront.squarespace.client.SquarespaceRefusedException;
import io.fulfillmenthub.storefront.squarespace.persistence.PostedShipments;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * A fulfillment handed over without a carrier (picked up at a store, or delivered by it) marks the Squarespace order
 * fulfilled: {@code POST /1.0/commerce/orders/{id}/fulfillments} with {@code shouldSendNotification}
 * ({@code hub.squarespace.notify-customer}) and no shipments. The call is not idempotent (each may notify the
 * customer again), so it goes through the shipment ledger ({@link PostedShipments}) under its own key, claimed before
 * the call and marked after it. Before any call the order is read: already {@code FULFILLED} (an earlier attempt
 * whose answer was lost, or another part of the order shipped) counts as done, and nothing is sent. Squarespace
 * documents that shipments can be added to a fulfilled order; what it answers to an empty fulfillment of a fulfilled
 * order is not documented, hence the read. Transient failures fail the handler and the consumer tries again; a 400
 * or 404 releases the claim and becomes a {@link CommandFailed} fact.
 */
@ApplicationScoped
public class SquarespaceFulfilledWithoutShipments {

    private static final Logger LOG = Logger.getLogger(SquarespaceFulfilledWithoutShipments.class);
    static final String FULFILLED = "FULFILLED";

    private final SquarespaceClient squarespace;
    private final PostedShipments ledger;
    private final HubPublisher publisher;
    private final SquarespaceConfig config;

    public SquarespaceFulfilledWithoutShipments(SquarespaceClient squarespace, PostedShipments ledger, HubPublisher publisher,
            SquarespaceConfig config) {
        this.squarespace = squarespace;
        this.ledger = ledger;
        this.publisher = publisher;
        this.config = config;
    }

    public Uni<Void> fulfil(IncomingCloudEvent event, UpdateStorefrontFulfillmentStatus command) {
        String orderId = command.sourceOrderId();
        String key = ledgerKey(command);
        return ledger.claim(key, orderId, null, event.id()).chain(claim -> {
            if (claim == PostedShipments.Claim.POSTED) {
                LOG.infof("Squarespace order %s was marked fulfilled for %s before: command %s skipped", orderId, key, event.id());
                return Uni.createFrom().voidItem();
            }
            return squarespace.order(orderId).chain(order -> {
                if (fulfilled(order)) {
                    LOG.infof("Squarespace order %s is already FULFILLED: %s recorded without a call", orderId, key);
                    return ledger.posted(key);
                }
                return squarespace.fulfill(orderId, MessageIds.derive(key, "squarespace-fulfillment"),
                        new FulfillOrderRequest(config.notifyCustomer(), null)).chain(() -> ledger.posted(key));
            });
        }).onFailure(SquarespaceRefusedException.class).recoverWithUni(refused -> ledger.release(key)
                .chain(() -> commandFailed(event, command, (SquarespaceRefusedException) refused)));
    }

    /** One per storefront fulfillment (or per order, when the command names none). */
    static String ledgerKey(UpdateStorefrontFulfillmentStatus command) {
        return command.hubOrderId() + "/" + (command.sourceFulfillmentId() == null ? "order" : command.sourceFulfillmentId())
                + "/fulfilled-without-shipments";
    }

    static boolean fulfilled(JsonNode order) {
        return FULFILLED.equals(order.path("fulfillmentStatus").asText(null));
    }

    private Uni<Void> commandFailed(IncomingCloudEvent event, UpdateStorefrontFulfillmentStatus command,
            SquarespaceRefusedException refused) {
        LOG.warnf("giving up on command %s (%s, %s): %s; publishing CommandFailed", event.id(), event.type(), command.hubOrderId(),
                refused.getMessage());
        var fact = new CommandFailed(command.hubOrderId(), event.id(), event.type(), SquarespaceStorefront.CONNECTOR,
                refused.getMessage(), refused.vendorMessage(), refused.contextId(), Instant.now());
        return publisher.publish(new Envelope<>(MessageIds.derive(event.id(), "command-failed"), SquarespaceStorefront.SOURCE,
                fact.failedAt(), fact));
    }
}
