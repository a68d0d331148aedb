package io.fulfillmenthub.storefront.plugin;

import io.fulfillmenthub.contracts.commands.AddShipment;
import io.fulfillmenthub.contracts.commands.UpdateStorefrontFulfillmentStatus;
import io.fulfillmenthub.contracts.model.Storefront;
import io.fulfillmenthub.kit.messaging.IncomingCloudEvent;
import io.smallrye.mutiny.Uni;

/**
 * One storefront, as the connector's consumers see it: its webhooks in, shipments and statuses out. A
 * new storefront is one CDI bean implementing this (and its own package); the consumers find it through
 * {@link Storefronts}. Each method completes only when its effect is done (the vendor called, the fact
 * acknowledged) and fails as the consumer's rules expect (transient, contract violation).
 */
public interface StorefrontPlugin {

    Storefront storefront();

    /** The {@code ce_type} of its webhooks on {@code fulfillment.inbound.v1}, as ingest writes them. */
    String webhookType();

    /** A webhook of {@link #webhookType()}: becomes the neutral fact it means. */
    Uni<Void> webhook(IncomingCloudEvent webhook);

    /** A parcel dispatched for one of its orders: told to the storefront. */
    Uni<Void> addShipment(IncomingCloudEvent event, AddShipment command);

    /** A fulfillment's progress: told to the storefront. */
    Uni<Void> updateFulfillmentStatus(IncomingCloudEvent event, UpdateStorefrontFulfillmentStatus command);
}
