package io.fulfillmenthub.pos.lightspeed;

import io.fulfillmenthub.kit.failure.ContractViolation;
import io.fulfillmenthub.kit.messaging.HubPublisher;
import io.fulfillmenthub.kit.messaging.IncomingCloudEvent;
import io.fulfillmenthub.pos.lightspeed.client.LightspeedAnswerException;
import io.fulfillmenthub.pos.lightspeed.client.LightspeedSale;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The {@code sale.update} webhook ({@code hub.inbound.lightspeed-webhook.v1}: the form body as Lightspeed sent it,
 * field {@code payload} holding the sale as JSON). A sale handed over at the till ({@code PICKED_UP_CLOSED},
 * {@code DISPATCHED_CLOSED}) → picked up or shipped; voided → cancelled; other statuses are recorded only. The facts'
 * ids are those of every other path (derived from the fulfillment id), so a repeated webhook, or one that
 * overtakes the poller or a command's answer, changes nothing. Sales that are not the hub's (no {@code source_id}
 * with a hub order id) are skipped.
 */
@ApplicationScoped
public class LightspeedWebhooks {

    private static final Logger LOG = Logger.getLogger(LightspeedWebhooks.class);

    private final SaleLedger ledger;
    private final HubPublisher publisher;

    public LightspeedWebhooks(SaleLedger ledger, HubPublisher publisher) {
        this.ledger = ledger;
        this.publisher = publisher;
    }

    public Uni<Void> saleUpdated(IncomingCloudEvent webhook) {
        LightspeedSale sale = read(webhook);
        return ledger.findBySale(sale.id())
                .chain(bySale -> bySale.isPresent() || sale.sourceId() == null ? Uni.createFrom().item(bySale)
                        : ledger.find(sale.sourceId()))
                .chain(entry -> {
                    String fulfillmentId;
                    String hubOrderId;
                    if (entry.isPresent()) {
                        fulfillmentId = entry.get().fulfillmentId();
                        hubOrderId = entry.get().hubOrderId();
                    } else if (sale.sourceId() != null && sale.sourceId().lastIndexOf(':') > 0) {
                        fulfillmentId = sale.sourceId();
                        hubOrderId = fulfillmentId.substring(0, fulfillmentId.lastIndexOf(':'));
                    } else {
                        LOG.infof("sale.update for sale %s, which is not the hub's (source_id %s): skipped", sale.id(), sale.sourceId());
                        return Uni.createFrom().voidItem();
                    }
                    Uni<Void> recorded = entry.isPresent() && entry.get().saleId() == null
                            // the create's answer was lost: the sale is known now, and a retried CreateSale finds it here
                            ? ledger.saleKnown(fulfillmentId, sale, sale.raw().toString())
                            : Uni.createFrom().voidItem();
                    return recorded.chain(() -> report(hubOrderId, fulfillmentId, sale));
                });
    }

    private Uni<Void> report(String hubOrderId, String fulfillmentId, LightspeedSale sale) {
        Instant now = Instant.now();
        Uni<Void> published = sale.voided()
                ? publisher.publish(LightspeedFacts.cancelled(hubOrderId, fulfillmentId, "voided in Lightspeed", now))
                : LightspeedFacts.handedOver(hubOrderId, fulfillmentId, sale.status(), now)
                        .map(publisher::publish).orElseGet(() -> Uni.createFrom().voidItem());
        return published.chain(() -> ledger.status(sale.id(), sale.status()));
    }

    static LightspeedSale read(IncomingCloudEvent webhook) {
        Map<String, String> form = form(new String(webhook.data(), StandardCharsets.UTF_8));
        String payload = form.get("payload");
        if (payload == null || payload.isBlank()) {
            throw new InvalidLightspeedWebhookException("the sale.update webhook " + webhook.id() + " has no 'payload' field");
        }
        try {
            return LightspeedSale.fromPayload(payload);
        } catch (LightspeedAnswerException unreadable) {
            throw new InvalidLightspeedWebhookException(unreadable.getMessage() + " (webhook " + webhook.id() + ")");
        }
    }

    /** {@code application/x-www-form-urlencoded}, UTF-8. */
    static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                fields.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException badEscape) {
                throw new InvalidLightspeedWebhookException("the webhook's form body is not URL-encoded: " + badEscape.getMessage());
            }
        }
        return fields;
    }

    /** A webhook that can never be read: dead-lettered at once, naming what is wrong. */
    static final class InvalidLightspeedWebhookException extends RuntimeException implements ContractViolation {

        InvalidLightspeedWebhookException(String message) {
            super(message);
        }
    }
}
