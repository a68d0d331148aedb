package io.fulfillmenthub.spod.translate;

import io.fulfillmenthub.contracts.Envelope;
import io.fulfillmenthub.contracts.Fact;
import io.fulfillmenthub.contracts.MessageIds;
import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.contracts.commands.CancelPrintOrder;
import io.fulfillmenthub.contracts.commands.SubmitPrintOrder;
import io.fulfillmenthub.contracts.facts.CommandFailed;
import io.fulfillmenthub.contracts.facts.FulfillmentCancellationRejected;
import io.fulfillmenthub.contracts.facts.FulfillmentCancelled;
import io.fulfillmenthub.contracts.facts.FulfillmentHeld;
import io.fulfillmenthub.contracts.facts.FulfillmentRejected;
import io.fulfillmenthub.contracts.facts.FulfillmentSubmitted;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.fulfillmenthub.spod.client.SpodApiException;
import java.net.URI;
import java.time.Instant;

/**
 * The facts that answer a command. Each one's id is derived from the command's {@code ce_id} and the
 * fact's name, so a command handled again (after a crash, or redelivered) repeats the same id. Each fact
 * about a submission carries the command's {@code externalOrderId} (null for a first submission).
 */
public final class SpodFacts {

    public static final URI SOURCE = URI.create("/spod-connector");
    public static final String CONNECTOR = "spod-connector";
    /** SPOD's refusal to cancel: the order is in production or already sent. */
    public static final String NOT_CANCELLABLE = "already in production or sent";

    private SpodFacts() {
    }

    /** The vendor reference is the external order id at SPOD. */
    public static Envelope<FulfillmentSubmitted> submitted(String commandId, SubmitPrintOrder command, Instant now) {
        return answer(commandId, now, new FulfillmentSubmitted(command.hubOrderId(), command.fulfillmentId(), Fulfiller.SPOD,
                command.externalIdAtFulfiller(), now, command.externalOrderId()));
    }

    public static Envelope<FulfillmentRejected> rejected(String commandId, SubmitPrintOrder command, SpodApiException refusal,
            Instant now) {
        return answer(commandId, now, new FulfillmentRejected(command.hubOrderId(), command.fulfillmentId(), Fulfiller.SPOD,
                "SPOD refused the order (HTTP " + refusal.status() + ")", refusal.vendorMessage(), refusal.traceId(), now,
                command.externalOrderId()));
    }

    public static Envelope<FulfillmentCancelled> cancelled(String commandId, CancelPrintOrder command, Instant now) {
        return answer(commandId, now, new FulfillmentCancelled(command.hubOrderId(), command.fulfillmentId(), Fulfiller.SPOD,
                command.reason(), now, command.externalOrderId()));
    }

    public static Envelope<FulfillmentCancellationRejected> cancellationRejected(String commandId, CancelPrintOrder command,
            SpodApiException refusal, Instant now) {
        return answer(commandId, now, new FulfillmentCancellationRejected(command.hubOrderId(), command.fulfillmentId(),
                Fulfiller.SPOD, NOT_CANCELLABLE, refusal.vendorMessage(), now, command.externalOrderId()));
    }

    /** SPOD does not ship to the order's country ({@code GET /shipping-countries}): nothing was submitted. */
    public static Envelope<FulfillmentHeld> destinationNotServed(String commandId, SubmitPrintOrder command, String country,
            Instant now) {
        return answer(commandId, now, new FulfillmentHeld(command.hubOrderId(), command.fulfillmentId(), Fulfiller.SPOD,
                FulfillmentHeld.DESTINATION_NOT_SERVED, "SPOD does not ship to " + country
                        + " (GET /shipping-countries); the print order was not submitted", null, now,
                command.externalOrderId()));
    }

    /** The connector gave up on a command: SPOD refused it in a way that is no verdict on the fulfillment. */
    public static Envelope<CommandFailed> commandFailed(String commandId, String commandType, String hubOrderId,
            String reason, SpodApiException refusal, Instant now) {
        return answer(commandId, now, new CommandFailed(hubOrderId, commandId, commandType, CONNECTOR, reason,
                refusal.vendorMessage(), refusal.traceId(), now));
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
