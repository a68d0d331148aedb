package io.fulfillmenthub.storefront.messaging;

import io.fulfillmenthub.contracts.Envelope;
import io.fulfillmenthub.contracts.MessageIds;
import io.fulfillmenthub.contracts.commands.AddShipment;
import io.fulfillmenthub.contracts.commands.UpdateStorefrontFulfillmentStatus;
import io.fulfillmenthub.contracts.facts.CommandFailed;
import io.fulfillmenthub.kit.messaging.HubPublisher;
import io.fulfillmenthub.kit.messaging.IncomingCloudEvent;
import io.fulfillmenthub.storefront.spresso.client.SpressoClient;
import io.fulfillmenthub.storefront.spresso.client.SpressoRefusedException;
import io.fulfillmenthub.storefront.spresso.translate.SpressoCommandMapper;
import io.fulfillmenthub.storefront.spresso.translate.UnexecutableCommandException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Executes storefront commands against Spresso. Both calls are safe to repeat (the shipment is an
 * upsert keyed on tracking number, the status a PUT), so a redelivered command is simply executed
 * again and no dedupe table is needed. A permanent refusal becomes a {@link CommandFailed} fact, and
 * only then is the command acked; a call that stays unavailable after the client's retries fails the
 * handler, and the consumer tries the command again later, for as long as Spresso stays away.
 */
@ApplicationScoped
public class SpressoCommandHandler {

    private static final Logger LOG = Logger.getLogger(SpressoCommandHandler.class);

    private final SpressoClient spresso;
    private final HubPublisher publisher;

    public SpressoCommandHandler(SpressoClient spresso, HubPublisher publisher) {
        this.spresso = spresso;
        this.publisher = publisher;
    }

    public Uni<Void> addShipment(IncomingCloudEvent event, AddShipment command) {
        return execute(event, command.hubOrderId(), () -> spresso.upsertShipment(
                SpressoCommandMapper.fulfillmentId(command.sourceFulfillmentId(), "AddShipment"),
                SpressoCommandMapper.shipment(command)));
    }

    public Uni<Void> updateFulfillmentStatus(IncomingCloudEvent event, UpdateStorefrontFulfillmentStatus command) {
        return execute(event, command.hubOrderId(), () -> spresso.updateFulfillment(
                SpressoCommandMapper.fulfillmentId(command.sourceFulfillmentId(), "UpdateStorefrontFulfillmentStatus"),
                SpressoCommandMapper.fulfillmentUpdate(command)));
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
