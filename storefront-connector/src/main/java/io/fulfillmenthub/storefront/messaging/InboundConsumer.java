package io.fulfillmenthub.storefront.messaging;

import io.fulfillmenthub.contracts.InboundTypes;
import io.fulfillmenthub.kit.messaging.MessageDispatcher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes fulfillment.inbound.v1 (vendor webhooks): Spresso's become facts. A type it has no
 * handler for, or a webhook it cannot read, goes to {@code fulfillment.inbound.v1.dlq.storefront-connector}.
 * Webhooks of other vendors on the same topic are skipped.
 */
@ApplicationScoped
public class InboundConsumer {

    private final MessageDispatcher dispatcher;

    public InboundConsumer(SpressoWebhookHandler spresso) {
        dispatcher = MessageDispatcher.forConsumer(CommandConsumer.CONNECTOR)
                .onRaw(InboundTypes.SPRESSO_WEBHOOK, spresso::handle)
                .skipping(type -> type.startsWith("hub.inbound.lightspeed-"))
                .build();
    }

    @Incoming("inbound")
    public Uni<Void> consume(Message<byte[]> message) {
        return dispatcher.dispatch(message);
    }
}
