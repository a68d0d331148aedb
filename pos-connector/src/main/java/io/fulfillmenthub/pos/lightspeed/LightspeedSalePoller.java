package io.fulfillmenthub.pos.lightspeed;

import io.fulfillmenthub.kit.persistence.OneReplicaAtATime;
import io.fulfillmenthub.pos.lightspeed.client.LightspeedClient;
import io.fulfillmenthub.pos.lightspeed.client.LightspeedSale;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The backstop for lost {@code sale.update} webhooks: every {@code hub.lightspeed.poll.every} it reads, for the
 * open sales (least recently checked first, {@code poll.batch} at a time), {@code GET /api/2.0/sales/{id}/fulfillments}
 * and the sale, and reports a hand-over or a void with the same fact ids as the webhook. One replica polls at a
 * time ({@link OneReplicaAtATime}); a sale that fails to read is tried again on a later poll.
 */
@ApplicationScoped
public class LightspeedSalePoller {

    private static final Logger LOG = Logger.getLogger(LightspeedSalePoller.class);

    public static final String LOCK = "pos-connector/lightspeed-sale-poller";

    private final LightspeedClient lightspeed;
    private final SaleLedger ledger;
    private final LightspeedSales sales;
    private final Pool database;
    private final int batch;

    public LightspeedSalePoller(LightspeedClient lightspeed, SaleLedger ledger, LightspeedSales sales, Pool database,
            LightspeedConfig config) {
        this.lightspeed = lightspeed;
        this.ledger = ledger;
        this.sales = sales;
        this.database = database;
        this.batch = config.poll().batch();
    }

    @Scheduled(identity = "lightspeed-sale-poller", every = "${hub.lightspeed.poll.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return poll().onFailure().invoke(failure -> LOG.warnf("polling Lightspeed sales failed, the next poll retries: %s",
                failure.getMessage())).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One poll; answers how many sales it found handed over or voided. */
    public Uni<Integer> poll() {
        return OneReplicaAtATime.run(database, LOCK, () -> ledger.takeOpen(batch).chain(this::check), 0);
    }

    private Uni<Integer> check(List<SaleLedger.Entry> open) {
        return Multi.createFrom().iterable(open)
                .onItem().transformToUniAndConcatenate(entry -> checkOne(entry)
                        .onFailure().recoverWithItem(failure -> {
                            LOG.infof("could not check Lightspeed sale %s (%s), a later poll will: %s", entry.saleId(),
                                    entry.fulfillmentId(), failure.getMessage());
                            return false;
                        }))
                .collect().asList()
                .map(changed -> (int) changed.stream().filter(Boolean::booleanValue).count());
    }

    private Uni<Boolean> checkOne(SaleLedger.Entry entry) {
        return lightspeed.fulfillmentTypes(entry.saleId()).chain(types -> lightspeed.sale(entry.saleId()).chain(sale -> {
            String status = sale.map(LightspeedSale::status).orElse(null);
            if (status == null || !(LightspeedSale.VOIDED.equals(status) || LightspeedSale.PICKED_UP_CLOSED.equals(status)
                    || LightspeedSale.DISPATCHED_CLOSED.equals(status))) {
                // [unknown] a fulfillment listed while the sale still reads open: the listing is the fact
                status = types.contains("PICKED_UP") ? LightspeedSale.PICKED_UP_CLOSED
                        : types.contains("SHIPPED") ? LightspeedSale.DISPATCHED_CLOSED : status;
            }
            if (LightspeedSale.VOIDED.equals(status)) {
                return sales.publishCancelled(entry, "voided in Lightspeed").replaceWith(true);
            }
            if (LightspeedSale.PICKED_UP_CLOSED.equals(status) || LightspeedSale.DISPATCHED_CLOSED.equals(status)) {
                LOG.infof("poll: sale %s (%s) is %s", entry.saleId(), entry.fulfillmentId(), status);
                return sales.reportHandover(entry.hubOrderId(), entry.fulfillmentId(), entry.saleId(), status).replaceWith(true);
            }
            return ledger.status(entry.saleId(), status).replaceWith(false);
        }));
    }
}
