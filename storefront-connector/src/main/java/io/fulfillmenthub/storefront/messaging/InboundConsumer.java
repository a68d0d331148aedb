package io.fulfillmenthub.storefront.messaging;

import io.fulfillmenthub.kit.messaging.ConsumerConfig;
import io.fulfillmenthub.kit.messaging.LaneHolds;
import io.fulfillmenthub.kit.messaging.MessageDispatcher;
import io.fulfillmenthub.kit.messaging.PerOrderLanes;
import io.fulfillmenthub.storefront.plugin.StorefrontPlugin;
import io.fulfillmenthub.storefront.plugin.Storefronts;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes fulfillment.inbound.v1 (vendor webhooks): each storefront plug-in's ({@link Storefronts})
 * become facts. A type it has no
 * handler for, or a webhook it cannot read, goes at once to
 * {@code fulfillment.inbound.v1.dlq.storefront-connector} with the JSON path at fault, and holds its order
 * until it is replayed; the broker being away only delays a webhook. Webhooks of other vendors on the
 * same topic are skipped. Webhooks of different orders are translated and published at the same time,
 * one order's in turn ({@link PerOrderLanes}).
 */
@ApplicationScoped
public class InboundConsumer {

    private final MessageDispatcher dispatcher;
    private final PerOrderLanes lanes;

    public InboundConsumer(Storefronts storefronts, ConsumerConfig consumer, Pool database, MeterRegistry metrics) {
        MessageDispatcher.Builder webhooks = MessageDispatcher.forConsumer(CommandConsumer.CONNECTOR);
        for (StorefrontPlugin storefront : storefronts.all()) {
            webhooks.onRaw(storefront.webhookType(), storefront::webhook);
        }
        // the point-of-sale connector's webhooks share the topic
        dispatcher = webhooks.skipping(type -> type.startsWith("hub.inbound.lightspeed-")).build();
        lanes = new PerOrderLanes("inbound", CommandConsumer.CONNECTOR, consumer,
                LaneHolds.inDatabase(database, CommandConsumer.CONNECTOR, consumer.holdRefresh()), metrics);
    }

    @Incoming("inbound")
    public Uni<Void> consume(Message<byte[]> message) {
        return lanes.submit(message, dispatcher::handle);
    }
}
