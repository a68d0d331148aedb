package io.fulfillmenthub.storefront.squarespace;

import io.fulfillmenthub.contracts.InboundTypes;
import io.fulfillmenthub.contracts.commands.AddShipment;
import io.fulfillmenthub.contracts.commands.UpdateStorefrontFulfillmentStatus;
import io.fulfillmenthub.contracts.model.Storefront;
import io.fulfillmenthub.kit.messaging.IncomingCloudEvent;
import io.fulfillmenthub.storefront.plugin.StorefrontPlugin;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import org.jboss.logging.Logger;

/** Squarespace as a storefront plug-in: its order notifications in, shipments out. */
@ApplicationScoped
public class SquarespaceStorefront implements StorefrontPlugin {

    /** The {@code ce_source} of what this connector publishes. */
    static final URI SOURCE = URI.create("/storefront-connector");
    /** The connector named in {@code CommandFailed}. */
    static final String CONNECTOR = "storefront-connector";

    private static final Logger LOG = Logger.getLogger(SquarespaceStorefront.class);

    private final SquarespaceOrders orders;
    private final SquarespaceShipments shipments;
    private final SquarespaceFulfilledWithoutShipments fulfilledWithoutShipments;

    public SquarespaceStorefront(SquarespaceOrders orders, SquarespaceShipments shipments,
            SquarespaceFulfilledWithoutShipments fulfilledWithoutShipments) {
        this.orders = orders;
        this.shipments = shipments;
        this.fulfilledWithoutShipments = fulfilledWithoutShipments;
    }

    @Override
    public Storefront storefront() {
        return Storefront.SQUARESPACE;
    }

    @Override
    public String webhookType() {
        return InboundTypes.SQUARESPACE_WEBHOOK;
    }

    @Override
    public Uni<Void> webhook(IncomingCloudEvent webhook) {
        return orders.notified(webhook);
    }

    @Override
    public Uni<Void> addShipment(IncomingCloudEvent event, AddShipment command) {
        return shipments.add(event, command);
    }

    /**
     * {@code IN_TRANSIT}: a fulfillment handed over without a carrier (a store pickup or local delivery) marks the
     * order fulfilled, with no shipment ({@link SquarespaceFulfilledWithoutShipments}); carrier shipments come as
     * AddShipment. Squarespace has no call for the other statuses: acked, no call.
     */
    @Override
    public Uni<Void> updateFulfillmentStatus(IncomingCloudEvent event, UpdateStorefrontFulfillmentStatus command) {
        if (command.status() == UpdateStorefrontFulfillmentStatus.Status.IN_TRANSIT) {
            return fulfilledWithoutShipments.fulfil(event, command);
        }
        LOG.infof("Squarespace has no fulfillment status call: %s %s for %s acked without one", event.type(), command.status(),
                command.hubOrderId());
        return Uni.createFrom().voidItem();
    }
}
