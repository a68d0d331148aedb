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
 * Consumes fulfillment.commands.pos.v1 (commands). It has no handler yet (Lightspeed comes with its
 * issue): every command is a type it was not built for, goes to
 * {@code fulfillment.commands.pos.v1.dlq.pos-connector} and holds its order, to be replayed once it is.
 */
@ApplicationScoped
public class CommandConsumer {

    static final String GROUP = "pos-connector";

    private final MessageDispatcher dispatcher = MessageDispatcher.forConsumer(GROUP).build();
    private final PerOrderLanes lanes;

    public CommandConsumer(ConsumerConfig consumer, Pool database, MeterRegistry metrics) {
        lanes = new PerOrderLanes("commands", GROUP, consumer, LaneHolds.inDatabase(database, GROUP, consumer.holdRefresh()),
                metrics);
    }

    @Incoming("commands")
    public Uni<Void> consume(Message<byte[]> message) {
        return lanes.submit(message, dispatcher::handle);
    }
}
