package io.fulfillmenthub.storefront.messaging;

import io.fulfillmenthub.contracts.Envelope;
import io.fulfillmenthub.contracts.MessageIds;
import io.fulfillmenthub.kit.messaging.HubPublisher;
import io.fulfillmenthub.kit.messaging.IncomingCloudEvent;
import io.fulfillmenthub.storefront.config.SpressoConfig;
import io.fulfillmenthub.storefront.spresso.translate.SpressoWebhookFact;
import io.fulfillmenthub.storefront.spresso.translate.SpressoWebhookMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A Spresso webhook from the inbound topic becomes one fact. Its {@code ce_id} derives from the
 * webhook's, so a redelivered webhook repeats the same fact id and the orchestrator's inbox drops it;
 * no state is kept here. The returned Uni completes only when the broker has the fact.
 */
@ApplicationScoped
public class SpressoWebhookHandler {

    private final HubPublisher publisher;
    private final Map<String, String> countryAliases;

    public SpressoWebhookHandler(HubPublisher publisher, SpressoConfig config) {
        this.publisher = publisher;
        Map<String, String> aliases = new HashMap<>();
        config.countryAliases().forEach((code, alpha2) -> aliases.put(code.toUpperCase(Locale.ROOT), alpha2.toUpperCase(Locale.ROOT)));
        this.countryAliases = Map.copyOf(aliases);
    }

    public Uni<Void> handle(IncomingCloudEvent webhook) {
        return Uni.createFrom().item(() -> SpressoWebhookMapper.translate(webhook.data(), countryAliases))
                .onItem().transformToUni(translated -> publisher.publish(envelope(webhook, translated)));
    }

    private static Envelope<?> envelope(IncomingCloudEvent webhook, SpressoWebhookFact translated) {
        return new Envelope<>(MessageIds.derive(webhook.id(), translated.name()), CommandConsumer.SOURCE,
                translated.occurredAt(), translated.fact());
    }
}
