package io.fulfillmenthub.spod.messaging;

import io.fulfillmenthub.contracts.Envelope;
import io.fulfillmenthub.contracts.Fact;
import io.fulfillmenthub.kit.messaging.HubPublisher;
import io.fulfillmenthub.kit.persistence.OneReplicaAtATime;
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
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Finds what happened to the hub's print orders at SPOD (which documents no webhooks). A poll reads the
 * window {@code GET /orders?updated-since=<cursor>} page by page, by offset from 0 until a short page; for
 * each page it publishes the page's facts (and waits for the broker), then stores what they reported.
 * Only once every page of the window was read does it move the cursor (see {@link Window}): SPOD's sort
 * order is not documented, so no page tells how far the window has been read. Every order read is
 * compared with what was reported about it before ({@code print_order.reported_state} and
 * {@code reported_shipments}), so an order read again (the overlap, a window read again) reports nothing
 * new. A poll that fails half way leaves the cursor where it was: the next one reads the whole window
 * again and reports only what the failed one did not store. SPOD orders the hub did not submit are ignored.
 *
 * <p>The pages are read in a loop that keeps only the current page and the ids read so far.
 *
 * <p>One poll at a time across replicas ({@link OneReplicaAtATime}: a transaction-scoped advisory lock); a
 * replica that does not get it skips this tick, as another replica is polling from the same cursor. Should two
 * poll at once, both publish the same facts with the same ids, which consumers dedupe, and the cursor only moves
 * forward.
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
    private final Duration overlap;

    public SpodOrderPoller(SpodClient spod, HubPublisher publisher, PrintOrderStore store, SpodConfig config,
            Pool database) {
        this.spod = spod;
        this.publisher = publisher;
        this.store = store;
        this.database = database;
        this.pageSize = config.poll().pageSize();
        this.overlap = config.poll().overlap();
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
        return OneReplicaAtATime.run(database, LOCK, this::pollFromCursor, 0);
    }

    private Uni<Integer> pollFromCursor() {
        Instant started = Instant.now();
        return store.cursor().flatMap(since -> {
            Window window = new Window(since);
            return Multi.createBy().repeating().uni(() -> window, this::page)
                    .whilst(state -> !state.done)
                    .collect().last()
                    .flatMap(read -> store.advanceCursor(window.next(started, overlap)))
                    .map(stored -> window.published);
        });
    }

    /** Reads, publishes and stores one page of the window; {@code done} after a short page. */
    private Uni<Window> page(Window window) {
        return spod.orders(window.since, pageSize, window.offset).flatMap(orders -> {
            List<String> ids = orders.stream().map(SpodOrder::externalOrderId).filter(Objects::nonNull).toList();
            return store.tracked(ids).flatMap(tracked -> {
                Map<String, SpodProgress.Report> reports = new LinkedHashMap<>();
                for (SpodOrder order : orders) {
                    TrackedOrder hubs = tracked.get(order.externalOrderId());
                    // each page's reports are stored before the next page is read, so an order read again in
                    // this window is compared with what its first reading reported
                    if (hubs != null) {
                        SpodProgress.Report report = SpodProgress.of(hubs, order);
                        if (!report.facts().isEmpty() || !report.reportedState().equals(hubs.reportedState())) {
                            reports.put(hubs.externalOrderId(), report);
                        }
                    }
                }
                List<Envelope<? extends Fact>> facts = reports.values().stream().flatMap(r -> r.facts().stream()).toList();
                return publishInOrder(facts)
                        .flatMap(ignored -> store.reported(reports))
                        .map(ignored -> window.read(orders, facts.size(), orders.size() < pageSize));
            });
        });
    }

    /**
     * One poll's window: everything SPOD lists as updated at or after {@code since}, read by offset. The
     * cursor moves only after the last page, to the newest {@code updated} read, but never past the time
     * the poll started (a change made while it paged is read by the next poll), less the overlap (a clock
     * difference, or a change SPOD stamps before it lists it), and never backwards.
     *
     * <p>An order read twice in one window means the list shifted under the poll (in an order sorted by
     * {@code updated}, an order read earlier changed and moved behind the offset), and the shift may have
     * moved an unread order into the pages already read: then the cursor stays where it was, and the next
     * poll reads the window again, whatever the sort order. Orders read again report nothing new.
     */
    private static final class Window {

        final Instant since;
        int offset;
        int published;
        boolean done;
        Instant newest;
        boolean shifted;
        private final Set<String> read = new HashSet<>();

        Window(Instant since) {
            this.since = since;
        }

        Window read(List<SpodOrder> orders, int facts, boolean lastPage) {
            published += facts;
            done = lastPage;
            offset += orders.size();
            for (SpodOrder order : orders) {
                if (order.externalOrderId() != null && !read.add(order.externalOrderId())) {
                    shifted = true;
                }
                if (order.updated() != null && (newest == null || order.updated().isAfter(newest))) {
                    newest = order.updated();
                }
            }
            return this;
        }

        /** The cursor for the next poll. */
        Instant next(Instant started, Duration overlap) {
            if (shifted || newest == null) {
                if (shifted) {
                    LOG.debugf("SPOD's order list shifted while it was read; the next poll reads from %s again", since);
                }
                return since;
            }
            Instant bound = (newest.isBefore(started) ? newest : started).minus(overlap);
            return bound.isAfter(since) ? bound : since;
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
