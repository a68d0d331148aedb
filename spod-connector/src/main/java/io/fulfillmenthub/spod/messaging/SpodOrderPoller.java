package io.fulfillmenthub.spod.messaging;

import io.fulfillmenthub.contracts.Envelope;
import io.fulfillmenthub.contracts.Fact;
import io.fulfillmenthub.kit.messaging.HubPublisher;
import io.fulfillmenthub.spod.client.SpodClient;
import io.fulfillmenthub.spod.client.SpodOrder;
import io.fulfillmenthub.spod.config.SpodConfig;
import io.fulfillmenthub.spod.persistence.PrintOrderStore;
import io.fulfillmenthub.spod.translate.SpodProgress;
import io.fulfillmenthub.spod.translate.TrackedOrder;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Finds what happened to the hub's print orders at SPOD (which documents no webhooks): pages through
 * {@code GET /orders?updated-since=<cursor>} until a short page, each page from the newest {@code updated}
 * read so far (see {@link Paging}). For each page it publishes the page's facts (and waits for the
 * broker), then stores what was reported and the cursor (the newest {@code updated} read so far), in one
 * transaction. A crash in between publishes the same facts with the same ids again; a poll after a crash
 * starts from the last page stored, and the inclusive bound reads that page's newest orders again, which
 * report nothing new. SPOD orders the hub did not submit are ignored.
 *
 * <p>The pages are read in a loop that keeps only the current page: under a steady stream of updates
 * a poll may page for a long time, and its memory must not grow with the number of pages.
 *
 * <p>One poll at a time across replicas: a poll runs inside a transaction that first takes a
 * transaction-scoped advisory lock ({@code pg_try_advisory_xact_lock}); a replica that does not get it
 * skips this tick, as another replica is polling from the same cursor. Transaction-scoped because the
 * reactive pool hands out any of its connections: a session-level lock must be released on the
 * connection that took it, or it stays behind on a pooled connection and no replica polls again; a
 * transaction's lock ends with the transaction, however the poll ends, and with the session if the
 * replica dies. The lock's transaction only holds the lock: the pages are stored in transactions of their
 * own on other connections, and while SPOD answers it holds no snapshot and no transaction id, so it
 * holds back no vacuum. Should a replica lose its database session while its poll goes on, another
 * replica may poll at the same time: both publish the same facts with the same ids, which consumers
 * dedupe, and the cursor only moves forward.
 */
@ApplicationScoped
public class SpodOrderPoller {

    private static final Logger LOG = Logger.getLogger(SpodOrderPoller.class);

    /** The poller's advisory lock, as {@code hashtext(LOCK)}; advisory locks are per database, the connector's. */
    public static final String LOCK = "spod-connector/order-poller";

    private final SpodClient spod;
    private final HubPublisher publisher;
    private final PrintOrderStore store;
    private final Pool database;
    private final int pageSize;

    public SpodOrderPoller(SpodClient spod, HubPublisher publisher, PrintOrderStore store, SpodConfig config,
            Pool database) {
        this.spod = spod;
        this.publisher = publisher;
        this.store = store;
        this.database = database;
        this.pageSize = config.poll().pageSize();
    }

    @Scheduled(identity = "spod-order-poller", every = "${hub.spod.poll.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        // the next tick tries again from the stored cursor; nothing is lost by giving up this one
        return poll().onFailure().invoke(failure -> LOG.warnf("polling SPOD orders failed, next poll retries: %s",
                failure.getMessage())).onFailure().recoverWithNull().replaceWithVoid();
    }

    /**
     * One poll from the stored cursor to the last page, unless another replica is polling; answers the
     * number of facts published (none when another replica polls).
     */
    public Uni<Integer> poll() {
        return database.withTransaction(lock -> lock
                .preparedQuery("SELECT pg_try_advisory_xact_lock(hashtext($1)) AS held").execute(Tuple.of(LOCK))
                .chain(rows -> {
                    if (rows.iterator().next().getBoolean("held")) {
                        return pollFromCursor();
                    }
                    LOG.debug("another replica is polling SPOD orders; this one skips its turn");
                    return Uni.createFrom().item(0);
                }));
    }

    private Uni<Integer> pollFromCursor() {
        return store.cursor().flatMap(since -> {
            Paging paging = new Paging(since);
            return Multi.createBy().repeating().uni(() -> paging, this::page)
                    .whilst(state -> !state.done)
                    .collect().last()
                    .map(state -> paging.published);
        });
    }

    /** Reads, publishes and stores one page, and moves the paging on; {@code done} after a short page. */
    private Uni<Paging> page(Paging paging) {
        return spod.orders(paging.since, pageSize, paging.offset).flatMap(orders -> {
            Instant newest = orders.stream().map(SpodOrder::updated).filter(Objects::nonNull)
                    .reduce(paging.since, (a, b) -> b.isAfter(a) ? b : a);
            List<String> ids = orders.stream().map(SpodOrder::externalOrderId).filter(Objects::nonNull).toList();
            return store.tracked(ids).flatMap(tracked -> {
                Map<String, SpodProgress.Report> reports = new LinkedHashMap<>();
                for (SpodOrder order : orders) {
                    TrackedOrder hubs = tracked.get(order.externalOrderId());
                    if (hubs != null) {
                        SpodProgress.Report report = SpodProgress.of(hubs, order);
                        if (!report.facts().isEmpty() || !report.reportedState().equals(hubs.reportedState())) {
                            reports.put(hubs.fulfillmentId(), report);
                        }
                    }
                }
                List<Envelope<? extends Fact>> facts = reports.values().stream().flatMap(r -> r.facts().stream()).toList();
                return publishInOrder(facts)
                        .flatMap(ignored -> store.reported(reports, newest))
                        .map(ignored -> paging.next(orders.size(), newest, facts.size(), orders.size() < pageSize));
            });
        });
    }

    /**
     * Where a poll is: the bound and offset of the next page, and the facts published. The bound is also
     * the newest {@code updated} read so far, the cursor stored with each page.
     *
     * <p>Pages go by key: after a page whose newest {@code updated} T is later than its bound, the next
     * page asks from T with offset 0, reading the orders at T again (they report nothing new). Skipping
     * them by an offset instead would skip an unread order at T whenever one of them changed meanwhile
     * (it leaves T, and the orders behind it move up). Every page either moves the bound strictly forward
     * or grows the offset, and a short page ends the poll, so a poll ends once SPOD has nothing newer.
     */
    private static final class Paging {

        Instant since;
        int offset;
        int published;
        boolean done;

        Paging(Instant since) {
            this.since = since;
        }

        Paging next(int read, Instant newest, int facts, boolean lastPage) {
            published += facts;
            done = lastPage;
            if (newest.isAfter(since)) {
                since = newest;
                offset = 0;
            } else {
                // A whole page updated at its bound (more orders with one `updated` than a page holds): only
                // the offset makes progress. The one case left where a concurrent change can skip an order:
                // one read here that changes before the next page shifts an unread one at the same time into
                // the pages read. Acceptable because it takes a full page (100 by default, up to 1000) stamped
                // with the same time (to the millisecond in the sandbox) and one of them changing again
                // within the next request; raising hub.spod.poll.page-size makes it rarer still.
                offset += read;
            }
            return this;
        }
    }

    /** One after the other, each acknowledged before the next, so an order's facts keep their order. */
    private Uni<Void> publishInOrder(List<Envelope<? extends Fact>> facts) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Envelope<? extends Fact> fact : facts) {
            chain = chain.flatMap(ignored -> publisher.publish(fact));
        }
        return chain;
    }
}
