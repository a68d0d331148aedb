package io.fulfillmenthub.storefront.squarespace;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillmenthub.kit.persistence.OneReplicaAtATime;
import io.fulfillmenthub.storefront.squarespace.client.OrdersPage;
import io.fulfillmenthub.storefront.squarespace.client.SquarespaceClient;
import io.fulfillmenthub.storefront.squarespace.persistence.ReconcileMark;
import io.fulfillmenthub.storefront.squarespace.translate.InvalidSquarespaceDataException;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The reconciliation backstop: Squarespace's notifications can be lost, so every
 * {@code hub.squarespace.reconcile.every} the poller lists the orders modified since its high-water mark
 * ({@code GET /1.0/commerce/orders?modifiedAfter=&modifiedBefore=}, then the cursor alone for later pages) and
 * publishes each order's facts with the same ids a notification gives ({@link SquarespaceOrders}), so the
 * orchestrator's inbox drops what it already has. The window runs from the stored mark less
 * {@code hub.squarespace.reconcile.overlap} to the time the poll started; only once every page was published and
 * acknowledged is the mark moved to that time. A poll that fails half way leaves the mark: the next one reads the
 * window again. An order that cannot be read as documented is logged and skipped (its notification, if it came,
 * is a dead letter naming the field).
 *
 * <p>One poll at a time across replicas ({@link OneReplicaAtATime}: a transaction-scoped advisory lock); a
 * replica that does not get it skips its turn.
 */
@ApplicationScoped
public class SquarespaceOrderPoller {

    private static final Logger LOG = Logger.getLogger(SquarespaceOrderPoller.class);

    /** The poller's advisory lock, as {@code hashtext(LOCK)}, in the connector's own database. */
    public static final String LOCK = "storefront-connector/squarespace-order-poller";

    private final SquarespaceClient squarespace;
    private final SquarespaceOrders orders;
    private final ReconcileMark mark;
    private final Pool database;
    private final SquarespaceConfig config;

    public SquarespaceOrderPoller(SquarespaceClient squarespace, SquarespaceOrders orders, ReconcileMark mark, Pool database,
            SquarespaceConfig config) {
        this.squarespace = squarespace;
        this.orders = orders;
        this.mark = mark;
        this.database = database;
        this.config = config;
    }

    @Scheduled(identity = "squarespace-order-poller", every = "${hub.squarespace.reconcile.every:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        if (config.apiKey().filter(key -> !key.isBlank()).isEmpty()) {
            LOG.debug("hub.squarespace.api-key is not set: Squarespace orders are not reconciled");
            return Uni.createFrom().voidItem();
        }
        // the next tick reads the same window again; nothing is lost by giving up this one
        return poll().onFailure().invoke(failure -> LOG.warnf("reconciling Squarespace orders failed, the next poll retries: %s",
                failure.getMessage())).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One poll from the stored mark to now, unless another replica is polling; answers the number of facts published. */
    public Uni<Integer> poll() {
        return OneReplicaAtATime.run(database, LOCK, this::reconcile, 0);
    }

    private Uni<Integer> reconcile() {
        Instant before = Instant.now();
        return mark.read().chain(stored -> {
            Instant from = stored.orElseGet(() -> config.reconcile().start().orElse(before.minus(Duration.ofDays(1))))
                    .minus(config.reconcile().overlap());
            return squarespace.orders(from, before)
                    .chain(first -> pages(first, 0))
                    .call(published -> mark.advance(before))
                    .invoke(published -> LOG.debugf("reconciled Squarespace orders modified in (%s, %s): %d facts", from, before,
                            published));
        });
    }

    /** Publishes this page's facts, then reads and publishes the next page, to the last. */
    private Uni<Integer> pages(OrdersPage page, int publishedBefore) {
        Uni<Integer> published = Uni.createFrom().item(publishedBefore);
        for (JsonNode order : page.orders()) {
            published = published.chain(count -> reconciled(order).map(facts -> count + facts));
        }
        return published.chain(count -> page.nextPageCursor() == null ? Uni.createFrom().item(count)
                : squarespace.orders(page.nextPageCursor()).chain(next -> pages(next, count)));
    }

    private Uni<Integer> reconciled(JsonNode order) {
        return Uni.createFrom().deferred(() -> orders.reconciled(order))
                .onFailure(InvalidSquarespaceDataException.class).recoverWithItem(invalid -> {
                    LOG.errorf("reconciling: Squarespace order %s cannot be read, skipped: %s", order.path("id").asText("?"),
                            invalid.getMessage());
                    return 0;
                });
    }
}
