package io.fulfillmenthub.pos.messaging;

import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.kit.messaging.CommandsConfig;
import io.fulfillmenthub.kit.messaging.ConsumerConfig;
import io.fulfillmenthub.kit.messaging.LaneHolds;
import io.fulfillmenthub.kit.messaging.MessageDispatcher;
import io.fulfillmenthub.kit.messaging.PerOrderLanes;
import io.fulfillmenthub.pos.lightspeed.LightspeedSales;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes fulfillment.commands.pos.v1: create, fulfil and cancel sale, carried out at Lightspeed by
 * {@link LightspeedSales}. Commands of different orders run at the same time, one order's in turn; Lightspeed or the
 * broker being away delays a command, it never dead-letters it ({@link PerOrderLanes}). A type it has no handler
 * for, or a command that fails the same way again and again, goes to
 * {@code fulfillment.commands.pos.v1.dlq.pos-connector} and holds its order.
 */
@ApplicationScoped
public class CommandConsumer {

    static final String GROUP = "pos-connector";

    private final MessageDispatcher dispatcher;
    private final PerOrderLanes lanes;

    public CommandConsumer(LightspeedSales sales, CommandsConfig commands, ConsumerConfig consumer, Pool database,
            MeterRegistry metrics) {
        dispatcher = MessageDispatcher.forConsumer(GROUP)
                // only the orchestrator gives commands: one from anywhere else is dead-lettered, never carried out
                .onlyFrom(commands.trustedSource())
                .on(MessageTypes.CREATE_SALE, sales::create)
                .on(MessageTypes.FULFIL_SALE, sales::fulfil)
                .on(MessageTypes.CANCEL_SALE, sales::cancel)
                .build();
        lanes = new PerOrderLanes("commands", GROUP, consumer, LaneHolds.inDatabase(database, GROUP, consumer.holdRefresh()),
                metrics);
    }

    @Incoming("commands")
    public Uni<Void> consume(Message<byte[]> message) {
        return lanes.submit(message, dispatcher::handle);
    }
}
