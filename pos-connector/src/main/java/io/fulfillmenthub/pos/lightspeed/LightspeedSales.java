package io.fulfillmenthub.pos.lightspeed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fulfillmenthub.contracts.Envelope;
import io.fulfillmenthub.contracts.Fact;
import io.fulfillmenthub.contracts.commands.CancelSale;
import io.fulfillmenthub.contracts.commands.CreateSale;
import io.fulfillmenthub.contracts.commands.FulfilSale;
import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.kit.messaging.HubPublisher;
import io.fulfillmenthub.kit.messaging.IncomingCloudEvent;
import io.fulfillmenthub.pos.lightspeed.client.LightspeedClient;
import io.fulfillmenthub.pos.lightspeed.client.LightspeedRejection;
import io.fulfillmenthub.pos.lightspeed.client.LightspeedSale;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Lightspeed as the hub's store fulfiller: carries out CreateSale, FulfilSale and CancelSale and answers each
 * with a fact. A failure that may pass (Lightspeed away, a 429, the broker or database away) fails the returned
 * Uni and the consumer tries the command again later, never dead-lettering it.
 *
 * <p>Creating a sale is not idempotent, so it is claimed in the {@link SaleLedger} before the call and the sale
 * recorded after it. A claim found without a sale (a lost answer, a crash between the call and the record, a
 * redelivery) first searches the change feed for its {@code source_id} (the hub fulfillment id): a sale found
 * there is the one made before. So there is never a second sale for one fulfillment.
 */
@ApplicationScoped
public class LightspeedSales {

    private static final Logger LOG = Logger.getLogger(LightspeedSales.class);

    private final LightspeedClient lightspeed;
    private final SaleLedger ledger;
    private final HubPublisher publisher;

    public LightspeedSales(LightspeedClient lightspeed, SaleLedger ledger, HubPublisher publisher) {
        this.lightspeed = lightspeed;
        this.ledger = ledger;
        this.publisher = publisher;
    }

    /**
     * A sale awaiting pickup or dispatch → submitted (its id the vendor reference); found by source id → submitted;
     * cancelled before → cancelled again, no sale; a permanent refusal → rejected.
     */
    public Uni<Void> create(IncomingCloudEvent event, CreateSale command) {
        String fulfillmentId = command.fulfillmentId();
        ObjectNode request = LightspeedSaleRequests.of(command);
        return ledger.claim(fulfillmentId, command.hubOrderId(), command.mode().name(), event.id()).chain(claim -> {
            SaleLedger.Entry entry = claim.entry();
            if (entry.cancelledBeforeSale()) {
                LOG.infof("%s was cancelled before a sale was made: no sale for command %s", fulfillmentId, event.id());
                return publisher.publish(LightspeedFacts.cancelled(command.hubOrderId(), fulfillmentId,
                        "cancelled before a sale was made", Instant.now()));
            }
            if (entry.saleId() != null) {
                return publisher.publish(LightspeedFacts.submitted(command.hubOrderId(), fulfillmentId, entry.saleId(), Instant.now()));
            }
            if (claim.fresh()) {
                return createSale(event, command, request);
            }
            return searchFeed(fulfillmentId, entry.feedAfter()).chain(found -> found
                    .map(sale -> {
                        LOG.infof("the sale for %s was made before (%s) but not recorded: recorded now", fulfillmentId, sale.id());
                        return ledger.saleKnown(fulfillmentId, sale, withId(request, sale.id()))
                                .chain(() -> publisher.publish(LightspeedFacts.submitted(command.hubOrderId(), fulfillmentId,
                                        sale.id(), Instant.now())));
                    })
                    .orElseGet(() -> createSale(event, command, request)));
        });
    }

    private Uni<Void> createSale(IncomingCloudEvent event, CreateSale command, ObjectNode request) {
        String fulfillmentId = command.fulfillmentId();
        return lightspeed.create(request)
                .chain(sale -> ledger.saleKnown(fulfillmentId, sale, sale.raw().toString())
                        .chain(() -> publisher.publish(LightspeedFacts.submitted(command.hubOrderId(), fulfillmentId, sale.id(),
                                Instant.now()))))
                .onFailure(LightspeedRejection.class).recoverWithUni(failure -> {
                    LightspeedRejection refusal = (LightspeedRejection) failure;
                    LOG.warnf("Lightspeed refused the sale for %s: %s", fulfillmentId, refusal.getMessage());
                    return ledger.release(fulfillmentId).chain(() -> publisher.publish(LightspeedFacts.rejected(event.id(),
                            command.hubOrderId(), fulfillmentId, refusal, Instant.now())));
                });
    }

    /**
     * Reads the sale first: already closed the way asked → the fact, no call; open → {@code fulfil} → the fact;
     * voided, unknown, or a refusal that did not close it → command failed.
     */
    public Uni<Void> fulfil(IncomingCloudEvent event, FulfilSale command) {
        String fulfillmentId = command.fulfillmentId();
        return ledger.find(fulfillmentId).chain(found -> {
            if (found.isEmpty() || found.get().saleId() == null) {
                String reason = found.filter(SaleLedger.Entry::cancelledBeforeSale).isPresent()
                        ? "the fulfillment was cancelled before a Lightspeed sale was made"
                        : "no Lightspeed sale is known for fulfillment " + fulfillmentId;
                return failed(event, command.hubOrderId(), reason, null);
            }
            String saleId = found.get().saleId();
            String closed = LightspeedSaleRequests.closed(command.mode());
            return lightspeed.sale(saleId).chain(sale -> {
                if (sale.isEmpty()) {
                    return failed(event, command.hubOrderId(), "Lightspeed has no sale " + saleId + " (HTTP 404)", null);
                }
                if (sale.get().handedOver()) {
                    if (!closed.equals(sale.get().status())) {
                        LOG.warnf("%s asked %s for sale %s, which is %s: reporting what happened", event.id(), command.mode(),
                                saleId, sale.get().status());
                    }
                    return reportHandover(command.hubOrderId(), fulfillmentId, saleId, sale.get().status());
                }
                if (sale.get().voided()) {
                    return failed(event, command.hubOrderId(), "Lightspeed sale " + saleId + " is voided", null);
                }
                return lightspeed.fulfil(saleId, LightspeedSaleRequests.fulfillmentType(command.mode()))
                        .chain(() -> reportHandover(command.hubOrderId(), fulfillmentId, saleId, closed))
                        .onFailure(LightspeedRejection.class).recoverWithUni(failure -> lightspeed.sale(saleId).chain(again -> {
                            // a fulfil repeated after one Lightspeed carried out is refused: the sale tells
                            if (again.isPresent() && again.get().handedOver()) {
                                return reportHandover(command.hubOrderId(), fulfillmentId, saleId, again.get().status());
                            }
                            LightspeedRejection refusal = (LightspeedRejection) failure;
                            return failed(event, command.hubOrderId(), "Lightspeed refused to fulfil sale " + saleId
                                    + " (HTTP " + refusal.status() + ")", refusal.vendorMessage());
                        }));
            });
        });
    }

    /**
     * Voids the sale: cancelled. Handed over → its hand-over fact (again), then cancellation rejected
     * ({@code handed over}). No sale yet → recorded, so no sale is ever made for it, and cancelled.
     */
    public Uni<Void> cancel(IncomingCloudEvent event, CancelSale command) {
        String fulfillmentId = command.fulfillmentId();
        String reason = command.reason();
        return ledger.find(fulfillmentId).chain(found -> {
            if (found.isEmpty() || found.get().cancelledBeforeSale()) {
                return ledger.cancelledBeforeSale(fulfillmentId, command.hubOrderId())
                        .chain(() -> publisher.publish(LightspeedFacts.cancelled(command.hubOrderId(), fulfillmentId, reason,
                                Instant.now())));
            }
            SaleLedger.Entry entry = found.get();
            if (entry.saleId() != null) {
                return voidSale(event, command, entry.saleId(), entry.saleJson());
            }
            // claimed, never recorded: a sale may exist all the same
            return searchFeed(fulfillmentId, entry.feedAfter()).chain(sale -> sale
                    .map(made -> {
                        String asRegisterSale = LightspeedSaleRequests.asRegisterSale(made.raw()).toString();
                        return ledger.saleKnown(fulfillmentId, made, asRegisterSale)
                                .chain(() -> voidSale(event, command, made.id(), asRegisterSale));
                    })
                    .orElseGet(() -> ledger.cancelledBeforeSale(fulfillmentId, command.hubOrderId())
                            .chain(() -> publisher.publish(LightspeedFacts.cancelled(command.hubOrderId(), fulfillmentId, reason,
                                    Instant.now())))));
        });
    }

    private Uni<Void> voidSale(IncomingCloudEvent event, CancelSale command, String saleId, String saleJson) {
        String fulfillmentId = command.fulfillmentId();
        return lightspeed.sale(saleId).chain(sale -> {
            if (sale.isEmpty()) {
                return failed(event, command.hubOrderId(), "Lightspeed has no sale " + saleId + " (HTTP 404)", null);
            }
            if (sale.get().voided()) {
                return cancelled(command, saleId);
            }
            if (sale.get().handedOver()) {
                return refused(event, command, saleId, sale.get().status(), null);
            }
            return lightspeed.voidSale(voidBody(saleJson, saleId))
                    .chain(voided -> cancelled(command, saleId))
                    .onFailure(LightspeedRejection.class).recoverWithUni(failure -> lightspeed.sale(saleId).chain(again -> {
                        LightspeedRejection refusal = (LightspeedRejection) failure;
                        if (again.isPresent() && again.get().voided()) {
                            return cancelled(command, saleId);
                        }
                        if (again.isPresent() && again.get().handedOver()) {
                            return refused(event, command, saleId, again.get().status(), refusal.vendorMessage());
                        }
                        return failed(event, command.hubOrderId(), "Lightspeed refused to void sale " + saleId + " (HTTP "
                                + refusal.status() + ")", refusal.vendorMessage());
                    }));
        });
    }

    private Uni<Void> cancelled(CancelSale command, String saleId) {
        return ledger.status(saleId, LightspeedSale.VOIDED).chain(() -> publisher.publish(LightspeedFacts.cancelled(
                command.hubOrderId(), command.fulfillmentId(), command.reason(), Instant.now())));
    }

    /** Handed over: the hand-over fact first, so the rejection never arrives before what it is about. */
    private Uni<Void> refused(IncomingCloudEvent event, CancelSale command, String saleId, String status, String vendorMessage) {
        LOG.infof("sale %s for %s is %s: it cannot be voided", saleId, command.fulfillmentId(), status);
        return reportHandover(command.hubOrderId(), command.fulfillmentId(), saleId, status)
                .chain(() -> publisher.publish(LightspeedFacts.cancellationRejected(event.id(), command.hubOrderId(),
                        command.fulfillmentId(), vendorMessage, Instant.now())));
    }

    Uni<Void> reportHandover(String hubOrderId, String fulfillmentId, String saleId, String status) {
        Optional<Envelope<? extends Fact>> fact = LightspeedFacts.handedOver(hubOrderId, fulfillmentId, status, Instant.now());
        return fact.map(publisher::publish).orElseGet(() -> Uni.createFrom().voidItem())
                .chain(() -> ledger.status(saleId, status));
    }

    /** A sale voided in Lightspeed (found by the poller). */
    Uni<Void> publishCancelled(SaleLedger.Entry entry, String reason) {
        return publisher.publish(LightspeedFacts.cancelled(entry.hubOrderId(), entry.fulfillmentId(), reason, Instant.now()))
                .chain(() -> ledger.status(entry.saleId(), LightspeedSale.VOIDED));
    }

    private Uni<Void> failed(IncomingCloudEvent event, String hubOrderId, String reason, String vendorMessage) {
        LOG.warnf("giving up on command %s (%s, %s): %s", event.id(), event.type(), hubOrderId, reason);
        return publisher.publish(LightspeedFacts.commandFailed(event.id(), event.type(), hubOrderId, reason, vendorMessage,
                Instant.now()));
    }

    /** Searches the change feed for the fulfillment's sale and moves the feed's mark to what it read. */
    private Uni<Optional<LightspeedSale>> searchFeed(String fulfillmentId, long after) {
        return lightspeed.findBySourceId(fulfillmentId, after)
                .chain(search -> ledger.feedRead(search.highestVersion()).replaceWith(search.found()));
    }

    private static String withId(ObjectNode request, String saleId) {
        ObjectNode sale = request.deepCopy();
        sale.put("id", saleId);
        return sale.toString();
    }

    private static ObjectNode voidBody(String saleJson, String saleId) {
        try {
            ObjectNode sale = saleJson == null ? HubJson.mapper().createObjectNode()
                    : (ObjectNode) HubJson.mapper().readTree(saleJson);
            sale.put("id", saleId);
            return sale;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
