package io.fulfillmenthub.pos.messaging;

import io.fulfillmenthub.contracts.InboundTypes;
import io.fulfillmenthub.kit.messaging.ConsumerConfig;
import io.fulfillmenthub.kit.messaging.LaneHolds;
import io.fulfillmenthub.kit.messaging.MessageDispatcher;
import io.fulfillmenthub.kit.messaging.PerOrderLanes;
import io.fulfillmenthub.pos.lightspeed.LightspeedWebhooks;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes fulfillment.inbound.v1 (vendor webhooks): Lightspeed's {@code sale.update}
 * ({@code hub.inbound.lightspeed-webhook.v1}), read by {@link LightspeedWebhooks}. Webhooks of other vendors on the
 * same topic are skipped; another type of its own, or a webhook it cannot read, goes to
 * {@code fulfillment.inbound.v1.dlq.pos-connector} and holds its order.
 */
@ApplicationScoped
public class InboundConsumer {

    private final MessageDispatcher dispatcher;
    private final PerOrderLanes lanes;

    public InboundConsumer(LightspeedWebhooks webhooks, ConsumerConfig consumer, Pool database, MeterRegistry metrics) {
        dispatcher = MessageDispatcher.forConsumer(CommandConsumer.GROUP)
                .onRaw(InboundTypes.LIGHTSPEED_WEBHOOK, webhooks::saleUpdated)
                .skipping(type -> type.startsWith("hub.inbound.spresso-") || type.startsWith("hub.inbound.squarespace-"))
                .build();
        lanes = new PerOrderLanes("inbound", CommandConsumer.GROUP, consumer,
                LaneHolds.inDatabase(database, CommandConsumer.GROUP, consumer.holdRefresh()), metrics);
    }

    @Incoming("inbound")
    public Uni<Void> consume(Message<byte[]> message) {
        return lanes.submit(message, dispatcher::handle);
    }
}
