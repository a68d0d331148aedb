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
import java.util.List;
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
        this.countryAliases = countryAliases(config.countryAliases().orElse(List.of()));
    }

    /** {@code hub.spresso.country-aliases}: {@code CODE=ALPHA2} entries; a malformed one stops the start, named. */
    static Map<String, String> countryAliases(List<String> entries) {
        Map<String, String> aliases = new HashMap<>();
        for (String entry : entries) {
            String[] parts = entry.split("=", -1);
            if (parts.length != 2 || parts[0].isBlank() || !parts[1].strip().matches("[A-Za-z]{2}")) {
                throw new IllegalArgumentException("hub.spresso.country-aliases: '" + entry
                        + "' must be CODE=ALPHA2, e.g. XKX=XK");
            }
            aliases.put(parts[0].strip().toUpperCase(Locale.ROOT), parts[1].strip().toUpperCase(Locale.ROOT));
        }
        return Map.copyOf(aliases);
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
