package io.fulfillmenthub.pos.lightspeed;

import io.fulfillmenthub.contracts.Envelope;
import io.fulfillmenthub.contracts.Fact;
import io.fulfillmenthub.contracts.MessageIds;
import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.contracts.facts.CommandFailed;
import io.fulfillmenthub.contracts.facts.FulfillmentCancellationRejected;
import io.fulfillmenthub.contracts.facts.FulfillmentCancelled;
import io.fulfillmenthub.contracts.facts.FulfillmentPickedUp;
import io.fulfillmenthub.contracts.facts.FulfillmentRejected;
import io.fulfillmenthub.contracts.facts.FulfillmentShipped;
import io.fulfillmenthub.contracts.facts.FulfillmentSubmitted;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.fulfillmenthub.pos.lightspeed.client.LightspeedApiException;
import io.fulfillmenthub.pos.lightspeed.client.LightspeedSale;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * The facts the connector publishes. What happened to a sale (submitted, picked up, shipped, cancelled) has an id
 * derived from the fulfillment id and the fact's name, so the command's answer, the webhook and the poller publish
 * the same id and consumers dedupe it; an answer that only a command causes (rejections, failures) has an id
 * derived from the command's {@code ce_id}.
 */
public final class LightspeedFacts {

    public static final URI SOURCE = URI.create("/pos-connector");
    public static final String CONNECTOR = "pos-connector";
    /** The reason of a cancellation Lightspeed cannot do any more. */
    public static final String HANDED_OVER = "handed over";

    private LightspeedFacts() {
    }

    public static Envelope<FulfillmentSubmitted> submitted(String hubOrderId, String fulfillmentId, String saleId, Instant now) {
        return about(fulfillmentId, now, new FulfillmentSubmitted(hubOrderId, fulfillmentId, Fulfiller.LIGHTSPEED, saleId, now));
    }

    public static Envelope<FulfillmentPickedUp> pickedUp(String hubOrderId, String fulfillmentId, Instant now) {
        return about(fulfillmentId, now, new FulfillmentPickedUp(hubOrderId, fulfillmentId, Fulfiller.LIGHTSPEED, now));
    }

    public static Envelope<FulfillmentShipped> shipped(String hubOrderId, String fulfillmentId, Instant now) {
        return about(fulfillmentId, now, new FulfillmentShipped(hubOrderId, fulfillmentId, Fulfiller.LIGHTSPEED, now));
    }

    public static Envelope<FulfillmentCancelled> cancelled(String hubOrderId, String fulfillmentId, String reason, Instant now) {
        return about(fulfillmentId, now, new FulfillmentCancelled(hubOrderId, fulfillmentId, Fulfiller.LIGHTSPEED, reason, now));
    }

    /** The hand-over fact of a closed sale: picked up or shipped; empty for any other status. */
    public static Optional<Envelope<? extends Fact>> handedOver(String hubOrderId, String fulfillmentId, String status, Instant now) {
        if (LightspeedSale.PICKED_UP_CLOSED.equals(status)) {
            return Optional.of(pickedUp(hubOrderId, fulfillmentId, now));
        }
        if (LightspeedSale.DISPATCHED_CLOSED.equals(status)) {
            return Optional.of(shipped(hubOrderId, fulfillmentId, now));
        }
        return Optional.empty();
    }

    public static Envelope<FulfillmentCancellationRejected> cancellationRejected(String commandId, String hubOrderId,
            String fulfillmentId, String vendorMessage, Instant now) {
        return answer(commandId, now, new FulfillmentCancellationRejected(hubOrderId, fulfillmentId, Fulfiller.LIGHTSPEED,
                HANDED_OVER, vendorMessage, now));
    }

    public static Envelope<FulfillmentRejected> rejected(String commandId, String hubOrderId, String fulfillmentId,
            LightspeedApiException refusal, Instant now) {
        return answer(commandId, now, new FulfillmentRejected(hubOrderId, fulfillmentId, Fulfiller.LIGHTSPEED,
                "Lightspeed refused the sale (HTTP " + refusal.status() + ")", refusal.vendorMessage(), null, now));
    }

    public static Envelope<CommandFailed> commandFailed(String commandId, String commandType, String hubOrderId, String reason,
            String vendorMessage, Instant now) {
        return answer(commandId, now, new CommandFailed(hubOrderId, commandId, commandType, CONNECTOR, reason, vendorMessage,
                null, now));
    }

    private static <T extends Fact> Envelope<T> about(String fulfillmentId, Instant now, T fact) {
        return new Envelope<>(MessageIds.derive(fulfillmentId, name(fact)), SOURCE, now, fact);
    }

    private static <T extends Fact> Envelope<T> answer(String commandId, Instant now, T fact) {
        return new Envelope<>(MessageIds.derive(commandId, name(fact)), SOURCE, now, fact);
    }

    /** {@code hub.fact.fulfillment-submitted.v1} → {@code fulfillment-submitted}. */
    static String name(Fact fact) {
        String type = MessageTypes.of(fact).ceType();
        return type.substring("hub.fact.".length(), type.lastIndexOf('.'));
    }
}
