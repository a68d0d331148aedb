package io.fulfillmenthub.storefront.spresso;

import io.fulfillmenthub.contracts.InboundTypes;
import io.fulfillmenthub.contracts.commands.AddShipment;
import io.fulfillmenthub.contracts.commands.UpdateStorefrontFulfillmentStatus;
import io.fulfillmenthub.contracts.model.Storefront;
import io.fulfillmenthub.kit.messaging.IncomingCloudEvent;
import io.fulfillmenthub.storefront.messaging.SpressoCommandHandler;
import io.fulfillmenthub.storefront.messaging.SpressoWebhookHandler;
import io.fulfillmenthub.storefront.plugin.StorefrontPlugin;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Spresso as a storefront plug-in: its webhooks, shipments and statuses, by its handlers. */
@ApplicationScoped
public class SpressoStorefront implements StorefrontPlugin {

    private final SpressoWebhookHandler webhooks;
    private final SpressoCommandHandler commands;

    public SpressoStorefront(SpressoWebhookHandler webhooks, SpressoCommandHandler commands) {
        this.webhooks = webhooks;
        this.commands = commands;
    }

    @Override
    public Storefront storefront() {
        return Storefront.SPRESSO;
    }

    @Override
    public String webhookType() {
        return InboundTypes.SPRESSO_WEBHOOK;
    }

    @Override
    public Uni<Void> webhook(IncomingCloudEvent webhook) {
        return webhooks.handle(webhook);
    }

    @Override
    public Uni<Void> addShipment(IncomingCloudEvent event, AddShipment command) {
        return commands.addShipment(event, command);
    }

    @Override
    public Uni<Void> updateFulfillmentStatus(IncomingCloudEvent event, UpdateStorefrontFulfillmentStatus command) {
        return commands.updateFulfillmentStatus(event, command);
    }
}
