package io.fulfillmenthub.storefront.messaging;

import io.fulfillmenthub.contracts.Envelope;
import io.fulfillmenthub.contracts.MessageIds;
import io.fulfillmenthub.contracts.commands.AddShipment;
import io.fulfillmenthub.contracts.commands.UpdateStorefrontFulfillmentStatus;
import io.fulfillmenthub.contracts.facts.CommandFailed;
import io.fulfillmenthub.contracts.facts.TimelineNoted;
import io.fulfillmenthub.kit.messaging.HubPublisher;
import io.fulfillmenthub.kit.messaging.IncomingCloudEvent;
import io.fulfillmenthub.storefront.spresso.client.SpressoClient;
import io.fulfillmenthub.storefront.spresso.client.ShipmentUpsert;
import io.fulfillmenthub.storefront.spresso.client.SpressoRefusedException;
import io.fulfillmenthub.storefront.spresso.persistence.SentShipments;
import io.fulfillmenthub.storefront.spresso.persistence.SentStatuses;
import io.fulfillmenthub.storefront.spresso.translate.SpressoCarriers;
import io.fulfillmenthub.storefront.spresso.translate.SpressoCommandMapper;
import io.fulfillmenthub.storefront.spresso.translate.UnexecutableCommandException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Executes storefront commands against Spresso. The status call is a PUT, safe to repeat. The shipment
 * call is an upsert keyed on tracking number, but its status {@code shipped} e-mails the customer, so a
 * shipment is sent once: it is recorded after Spresso accepted it, and a redelivered AddShipment for a
 * recorded shipment is skipped. A carrier the table does not name is sent as the configured fallback and
 * a {@link TimelineNoted} fact says so. A permanent refusal becomes a {@link CommandFailed} fact, and
 * only then is the command acked; a call that stays unavailable after the client's retries fails the
 * handler, and the consumer tries the command again later, for as long as Spresso stays away.
 */
@ApplicationScoped
public class SpressoCommandHandler {

    private static final Logger LOG = Logger.getLogger(SpressoCommandHandler.class);

    private final SpressoClient spresso;
    private final HubPublisher publisher;
    private final SpressoCarriers carriers;
    private final SentShipments sentShipments;
    private final SentStatuses sentStatuses;

    public SpressoCommandHandler(SpressoClient spresso, HubPublisher publisher, SpressoCarriers carriers,
            SentShipments sentShipments, SentStatuses sentStatuses) {
        this.spresso = spresso;
        this.publisher = publisher;
        this.carriers = carriers;
        this.sentShipments = sentShipments;
        this.sentStatuses = sentStatuses;
    }

    public Uni<Void> addShipment(IncomingCloudEvent event, AddShipment command) {
        return execute(event, command.hubOrderId(), () -> {
            String fulfillmentId = SpressoCommandMapper.fulfillmentId(command.sourceFulfillmentId(), "AddShipment");
            SpressoCarriers.Carrier carrier = carriers.of(command.carrier());
            ShipmentUpsert shipment = SpressoCommandMapper.shipment(command, carrier.code());
            return sentShipments.wasSent(fulfillmentId, command.trackingNumber()).chain(sent -> {
                if (sent) {
                    LOG.infof("shipment %s of Spresso fulfillment %s was already sent as shipped: command %s skipped",
                            command.trackingNumber(), fulfillmentId, event.id());
                    return Uni.createFrom().voidItem();
                }
                return spresso.upsertShipment(fulfillmentId, shipment)
                        .chain(() -> carrier.fallback() ? carrierFallbackNoted(event, command, fulfillmentId, carrier.code())
                                : Uni.createFrom().voidItem())
                        .chain(() -> sentShipments.record(fulfillmentId, command.trackingNumber(), event.id()));
            });
        });
    }

    private Uni<Void> carrierFallbackNoted(IncomingCloudEvent event, AddShipment command, String fulfillmentId, String code) {
        var fact = new TimelineNoted(command.hubOrderId(), null, CommandConsumer.CONNECTOR,
                "carrier '" + command.carrier() + "' is not in hub.spresso.carriers: shipment " + command.trackingNumber()
                        + " of Spresso fulfillment " + fulfillmentId + " was sent to Spresso with the fallback carrier '"
                        + code + "' (hub.spresso.carrier-fallback)",
                Instant.now());
        return publisher.publish(new Envelope<>(MessageIds.derive(event.id(), "carrier-fallback"), CommandConsumer.SOURCE,
                fact.notedAt(), fact));
    }

    public Uni<Void> updateFulfillmentStatus(IncomingCloudEvent event, UpdateStorefrontFulfillmentStatus command) {
        return execute(event, command.hubOrderId(), () -> {
            String fulfillmentId = SpressoCommandMapper.fulfillmentId(command.sourceFulfillmentId(),
                    "UpdateStorefrontFulfillmentStatus");
            return sentStatuses.movedPast(fulfillmentId, command.status()).chain(movedPast -> {
                if (movedPast) {
                    LOG.infof("Spresso fulfillment %s has moved past %s: command %s skipped", fulfillmentId, command.status(),
                            event.id());
                    return Uni.createFrom().voidItem();
                }
                return spresso.updateFulfillment(fulfillmentId, SpressoCommandMapper.fulfillmentUpdate(command))
                        .chain(() -> sentStatuses.record(fulfillmentId, command.status(), event.id()));
            });
        });
    }

    private Uni<Void> execute(IncomingCloudEvent event, String hubOrderId, Supplier<Uni<Void>> call) {
        return Uni.createFrom().deferred(call::get)
                .onFailure(UnexecutableCommandException.class)
                .recoverWithUni(failure -> commandFailed(event, hubOrderId, failure.getMessage(), null))
                .onFailure(SpressoRefusedException.class)
                .recoverWithUni(failure -> commandFailed(event, hubOrderId, failure.getMessage(),
                        ((SpressoRefusedException) failure).vendorMessage()));
    }

    private Uni<Void> commandFailed(IncomingCloudEvent event, String hubOrderId, String reason, String vendorMessage) {
        LOG.warnf("giving up on command %s (%s, %s): %s; publishing CommandFailed", event.id(), event.type(), hubOrderId, reason);
        var fact = new CommandFailed(hubOrderId, event.id(), event.type(), CommandConsumer.CONNECTOR, reason, vendorMessage, null,
                Instant.now());
        return publisher.publish(new Envelope<>(MessageIds.derive(event.id(), "command-failed"), CommandConsumer.SOURCE,
                fact.failedAt(), fact));
    }
}
