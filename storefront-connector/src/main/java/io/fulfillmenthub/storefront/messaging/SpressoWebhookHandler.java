package io.fulfillmenthub.storefront.messaging;

import io.fulfillmenthub.contracts.Envelope;
import io.fulfillmenthub.contracts.MessageIds;
import io.fulfillmenthub.kit.messaging.HubPublisher;
import io.fulfillmenthub.kit.messaging.IncomingCloudEvent;
import io.fulfillmenthub.storefront.spresso.translate.SpressoWebhookFact;
import io.fulfillmenthub.storefront.spresso.translate.SpressoWebhookMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A Spresso webhook from the inbound topic becomes one fact. Its {@code ce_id} derives from the
 * webhook's, so a redelivered webhook repeats the same fact id and the orchestrator's inbox drops it;
 * no state is kept here. The returned Uni completes only when the broker has the fact.
 */
@ApplicationScoped
public class SpressoWebhookHandler {

    private final HubPublisher publisher;

    public SpressoWebhookHandler(HubPublisher publisher) {
        this.publisher = publisher;
    }

    public Uni<Void> handle(IncomingCloudEvent webhook) {
        return Uni.createFrom().item(() -> SpressoWebhookMapper.translate(webhook.data()))
                .onItem().transformToUni(translated -> publisher.publish(envelope(webhook, translated)));
    }

    private static Envelope<?> envelope(IncomingCloudEvent webhook, SpressoWebhookFact translated) {
        return new Envelope<>(MessageIds.derive(webhook.id(), translated.name()), CommandConsumer.SOURCE,
                translated.occurredAt(), translated.fact());
    }
}
