package io.fulfillmenthub.spod.messaging;

import io.fulfillmenthub.contracts.Envelope;
import io.fulfillmenthub.contracts.Fact;
import io.fulfillmenthub.contracts.commands.CancelPrintOrder;
import io.fulfillmenthub.contracts.commands.SubmitPrintOrder;
import io.fulfillmenthub.kit.messaging.HubPublisher;
import io.fulfillmenthub.kit.messaging.IncomingCloudEvent;
import io.fulfillmenthub.spod.client.SpodClient;
import io.fulfillmenthub.spod.client.SpodOrderRequest;
import io.fulfillmenthub.spod.client.SpodRejection;
import io.fulfillmenthub.spod.client.SpodShippingCountries;
import io.fulfillmenthub.spod.persistence.PrintOrderStore;
import io.fulfillmenthub.spod.translate.ReportedState;
import io.fulfillmenthub.spod.translate.SpodFacts;
import io.fulfillmenthub.spod.translate.SpodOrderRequests;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Carries out the orchestrator's print order commands at SPOD and answers each with a fact. A command
 * is marked handled only after its fact was acknowledged by the broker; a failure (SPOD unreachable
 * after the client's retries, the broker or the database down) fails the returned Uni, and the consumer
 * tries the command again later, for as long as the fault lasts. A command handled again repeats SPOD's
 * idempotent effect and the same fact id. The print order's external id at SPOD is the command's
 * {@code externalIdAtFulfiller()}: the fulfillment id for a first submission, {@code <fulfillment id>-r<n>}
 * for a resubmission, which is a SPOD order of its own; each fact carries the command's {@code externalOrderId}.
 */
@ApplicationScoped
public class PrintOrderCommands {

    private static final Logger LOG = Logger.getLogger(PrintOrderCommands.class);

    private final SpodClient spod;
    private final HubPublisher publisher;
    private final PrintOrderStore store;
    private final SpodShippingCountries destinations;

    public PrintOrderCommands(SpodClient spod, HubPublisher publisher, PrintOrderStore store,
            SpodShippingCountries destinations) {
        this.spod = spod;
        this.publisher = publisher;
        this.store = store;
        this.destinations = destinations;
    }

    /**
     * {@code POST /orders} → submitted; a permanent refusal → rejected. A destination SPOD does not ship to
     * (by {@code GET /shipping-countries}) → held, {@code destination-not-served}, and nothing is submitted.
     */
    public Uni<Void> submit(IncomingCloudEvent event, SubmitPrintOrder command) {
        return store.beginSubmit(event.id(), command.externalIdAtFulfiller(), command.fulfillmentId(), command.hubOrderId(),
                        SpodOrderRequests.lines(command))
                .flatMap(fresh -> {
                    if (!fresh) {
                        LOG.debugf("%s was handled before (%s)", event.id(), command.fulfillmentId());
                        return Uni.createFrom().voidItem();
                    }
                    SpodOrderRequest request = SpodOrderRequests.of(command);
                    String country = request.shipping().address().countryCode();
                    if (destinations.serves(country).filter(served -> !served).isPresent()) {
                        return publishThenMarkHandled(event, command.externalIdAtFulfiller(), new Outcome(
                                SpodFacts.destinationNotServed(event.id(), command, country, Instant.now()),
                                ReportedState.HELD));
                    }
                    return spod.submit(request)
                            .<Outcome>map(outcome -> new Outcome(SpodFacts.submitted(event.id(), command, Instant.now()), null))
                            .onFailure(SpodRejection.class).recoverWithItem(refusal -> new Outcome(
                                    SpodFacts.rejected(event.id(), command, (SpodRejection) refusal, Instant.now()),
                                    ReportedState.REJECTED))
                            .flatMap(outcome -> publishThenMarkHandled(event, command.externalIdAtFulfiller(), outcome));
                });
    }

    /**
     * {@code POST /orders/{id}/cancel} → cancelled; 400 → read back: already canceled → cancelled, else (in
     * production or sent) cancellation rejected;
     * any other refusal (e.g. 404, an order SPOD does not know) → command failed.
     */
    public Uni<Void> cancel(IncomingCloudEvent event, CancelPrintOrder command) {
        return store.alreadyHandled(event.id()).flatMap(handled -> {
            if (handled) {
                return Uni.createFrom().voidItem();
            }
            return spod.cancel(command.externalIdAtFulfiller())
                    .map(cancelled -> new Outcome(SpodFacts.cancelled(event.id(), command, Instant.now()),
                            ReportedState.CANCELED))
                    .onFailure(SpodRejection.class).recoverWithUni(failure -> {
                        SpodRejection refusal = (SpodRejection) failure;
                        if (refusal.status() == 400) {
                            // a cancel is not safe to repeat: a retry, or a redelivery after a crash, of one that
                            // SPOD carried out is refused; read the order back before calling it rejected
                            return spod.order(command.externalIdAtFulfiller()).map(order -> order
                                    .filter(found -> ReportedState.CANCELED.equals(found.state()))
                                    .map(found -> new Outcome(SpodFacts.cancelled(event.id(), command, Instant.now()),
                                            ReportedState.CANCELED))
                                    .orElseGet(() -> new Outcome(SpodFacts.cancellationRejected(event.id(), command,
                                            refusal, Instant.now()), null)));
                        }
                        String reason = refusal.status() == 404
                                ? "SPOD has no order " + command.externalIdAtFulfiller() + " (HTTP 404)"
                                : "SPOD refused the cancellation (HTTP " + refusal.status() + ")";
                        return Uni.createFrom().item(new Outcome(SpodFacts.commandFailed(event.id(), event.type(),
                                command.hubOrderId(), reason, refusal, Instant.now()), null));
                    })
                    .flatMap(outcome -> publishThenMarkHandled(event, command.externalIdAtFulfiller(), outcome));
        });
    }

    private Uni<Void> publishThenMarkHandled(IncomingCloudEvent event, String externalOrderId, Outcome outcome) {
        return publisher.publish(outcome.fact())
                .flatMap(published -> store.commandHandled(event.id(), externalOrderId, outcome.settledState()));
    }

    /** @param settledState the print order's state the fact settles, or null when it settles none */
    private record Outcome(Envelope<? extends Fact> fact, String settledState) {
    }
}
