package io.fulfillmenthub.storefront.squarespace;

import io.fulfillmenthub.contracts.Envelope;
import io.fulfillmenthub.contracts.MessageIds;
import io.fulfillmenthub.contracts.commands.AddShipment;
import io.fulfillmenthub.contracts.facts.CommandFailed;
import io.fulfillmenthub.kit.messaging.HubPublisher;
import io.fulfillmenthub.kit.messaging.IncomingCloudEvent;
import io.fulfillmenthub.storefront.squarespace.client.FulfillOrderRequest;
import io.fulfillmenthub.storefront.squarespace.client.SquarespaceClient;
import io.fulfillmenthub.storefront.squarespace.client.SquarespaceRefusedException;
import io.fulfillmenthub.storefront.squarespace.persistence.PostedShipments;
import io.fulfillmenthub.storefront.squarespace.translate.SquarespaceShipmentMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Shipments go to Squarespace with {@code POST /1.0/commerce/orders/{id}/fulfillments}, which is not idempotent:
 * each call adds the shipment again. So each shipment is claimed in the ledger ({@link PostedShipments}) before
 * the call and marked posted after it. A claim found unmarked (a crash, a timeout, a 5xx or 409 that may hide a
 * success, a redelivery) first reads the order: a fulfillment with the shipment's tracking number there counts
 * as posted. A posted shipment is never sent again. An {@code Idempotency-Key} derived from the shipment id goes
 * with the call too, harmless where Squarespace does not honour it. Transient failures (5xx, 409, 429 and its
 * cool-down, timeouts) fail the handler, and the consumer tries again later, never dead-lettering; a 400 or 404
 * releases the claim and becomes a {@link CommandFailed} fact naming Squarespace's subtype and message.
 */
@ApplicationScoped
public class SquarespaceShipments {

    private static final Logger LOG = Logger.getLogger(SquarespaceShipments.class);

    private final SquarespaceClient squarespace;
    private final PostedShipments ledger;
    private final HubPublisher publisher;
    private final SquarespaceConfig config;

    public SquarespaceShipments(SquarespaceClient squarespace, PostedShipments ledger, HubPublisher publisher,
            SquarespaceConfig config) {
        this.squarespace = squarespace;
        this.ledger = ledger;
        this.publisher = publisher;
        this.config = config;
    }

    public Uni<Void> add(IncomingCloudEvent event, AddShipment command) {
        String orderId = command.sourceOrderId();
        String shipmentId = command.shipmentId();
        FulfillOrderRequest request = SquarespaceShipmentMapper.request(command, config.notifyCustomer(), config.defaultService());
        return ledger.claim(shipmentId, orderId, command.trackingNumber(), event.id()).chain(claim -> switch (claim) {
            case POSTED -> {
                LOG.infof("shipment %s (%s) is already on Squarespace order %s: command %s skipped", shipmentId,
                        command.trackingNumber(), orderId, event.id());
                yield Uni.createFrom().voidItem();
            }
            case UNCERTAIN -> squarespace.order(orderId).chain(order -> {
                if (SquarespaceShipmentMapper.holdsShipment(order, command.trackingNumber())) {
                    LOG.infof("shipment %s (%s) was claimed but not recorded, and Squarespace order %s has it: recorded as posted",
                            shipmentId, command.trackingNumber(), orderId);
                    return ledger.posted(shipmentId);
                }
                return post(orderId, shipmentId, request);
            });
            case NEW -> post(orderId, shipmentId, request);
        }).onFailure(SquarespaceRefusedException.class).recoverWithUni(refused -> ledger.release(shipmentId)
                .chain(() -> commandFailed(event, command, (SquarespaceRefusedException) refused)));
    }

    private Uni<Void> post(String orderId, String shipmentId, FulfillOrderRequest request) {
        return squarespace.fulfill(orderId, SquarespaceShipmentMapper.idempotencyKey(shipmentId), request)
                .chain(() -> ledger.posted(shipmentId));
    }

    private Uni<Void> commandFailed(IncomingCloudEvent event, AddShipment command, SquarespaceRefusedException refused) {
        LOG.warnf("giving up on command %s (%s, %s): %s; publishing CommandFailed", event.id(), event.type(), command.hubOrderId(),
                refused.getMessage());
        var fact = new CommandFailed(command.hubOrderId(), event.id(), event.type(), SquarespaceStorefront.CONNECTOR,
                refused.getMessage(), refused.vendorMessage(), refused.contextId(), Instant.now());
        return publisher.publish(new Envelope<>(MessageIds.derive(event.id(), "command-failed"), SquarespaceStorefront.SOURCE,
                fact.failedAt(), fact));
    }
}
