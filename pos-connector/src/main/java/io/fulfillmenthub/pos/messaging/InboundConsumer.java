package io.fulfillmenthub.pos.messaging;

import io.fulfillmenthub.kit.messaging.ConsumerConfig;
import io.fulfillmenthub.kit.messaging.LaneHolds;
import io.fulfillmenthub.kit.messaging.MessageDispatcher;
import io.fulfillmenthub.kit.messaging.PerOrderLanes;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes fulfillment.inbound.v1 (vendor webhooks). It has no handler yet: a webhook of its own vendor
 * goes to {@code fulfillment.inbound.v1.dlq.pos-connector} and holds its order. Webhooks of other vendors
 * on the same topic are skipped.
 */
@ApplicationScoped
public class InboundConsumer {

    private final MessageDispatcher dispatcher = MessageDispatcher.forConsumer(CommandConsumer.GROUP)
            .skipping(type -> type.startsWith("hub.inbound.spresso-") || type.startsWith("hub.inbound.squarespace-"))
            .build();
    private final PerOrderLanes lanes;

    public InboundConsumer(ConsumerConfig consumer, Pool database, MeterRegistry metrics) {
        lanes = new PerOrderLanes("inbound", CommandConsumer.GROUP, consumer,
                LaneHolds.inDatabase(database, CommandConsumer.GROUP, consumer.holdRefresh()), metrics);
    }

    @Incoming("inbound")
    public Uni<Void> consume(Message<byte[]> message) {
        return lanes.submit(message, dispatcher::handle);
    }
}
