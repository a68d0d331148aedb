package io.fulfillmenthub.pos.messaging;

import io.fulfillmenthub.kit.messaging.MessageDispatcher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes fulfillment.inbound.v1 (vendor webhooks). A type it has no handler for goes to
 * {@code fulfillment.inbound.v1.dlq.pos-connector}. Webhooks of other vendors on the same topic are skipped.
 */
@ApplicationScoped
public class InboundConsumer {

    private final MessageDispatcher dispatcher = MessageDispatcher.forConsumer("pos-connector")
            .skipping(type -> type.startsWith("hub.inbound.spresso-") || type.startsWith("hub.inbound.squarespace-"))
            .build();

    @Incoming("inbound")
    public Uni<Void> consume(Message<byte[]> message) {
        return dispatcher.dispatch(message);
    }
}
