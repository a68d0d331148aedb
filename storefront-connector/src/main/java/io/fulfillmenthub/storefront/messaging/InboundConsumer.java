package io.fulfillmenthub.storefront.messaging;

import io.fulfillmenthub.kit.messaging.MessageDispatcher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes fulfillment.inbound.v1 (vendor webhooks). A type it has no handler for goes to
 * {@code fulfillment.inbound.v1.dlq.storefront-connector}. Webhooks of other vendors on the same topic are skipped.
 */
@ApplicationScoped
public class InboundConsumer {

    private final MessageDispatcher dispatcher = MessageDispatcher.forConsumer("storefront-connector")
            .skipping(type -> type.startsWith("hub.inbound.lightspeed-"))
            .build();

    @Incoming("inbound")
    public Uni<Void> consume(Message<byte[]> message) {
        return dispatcher.dispatch(message);
    }
}
