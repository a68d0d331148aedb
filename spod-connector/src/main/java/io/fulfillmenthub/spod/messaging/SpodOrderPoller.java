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
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Finds what happened to the hub's print orders at SPOD (which documents no webhooks): pages through
 * {@code GET /orders?updated-since=<cursor>} until a short page, publishes the facts of each page (and
 * waits for the broker), then stores what was reported, and at the end of the poll the cursor, in one
 * transaction. A crash in between publishes the same facts with the same ids again. SPOD orders the
 * hub did not submit are ignored.
 */
@ApplicationScoped
public class SpodOrderPoller {

    private static final Logger LOG = Logger.getLogger(SpodOrderPoller.class);

    private final SpodClient spod;
    private final HubPublisher publisher;
    private final PrintOrderStore store;
    private final int pageSize;

    public SpodOrderPoller(SpodClient spod, HubPublisher publisher, PrintOrderStore store, SpodConfig config) {
        this.spod = spod;
        this.publisher = publisher;
        this.store = store;
        this.pageSize = config.poll().pageSize();
    }

    @Scheduled(identity = "spod-order-poller", every = "${hub.spod.poll.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        // the next tick tries again from the stored cursor; nothing is lost by giving up this one
        return poll().onFailure().invoke(failure -> LOG.warnf("polling SPOD orders failed, next poll retries: %s",
                failure.getMessage())).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One poll from the stored cursor to the last page; answers the number of facts published. */
    public Uni<Integer> poll() {
        return store.cursor().flatMap(since -> page(since, 0, since, 0));
    }

    private Uni<Integer> page(Instant since, int offset, Instant newest, int published) {
        return spod.orders(since, pageSize, offset).flatMap(orders -> {
            Instant newestSoFar = orders.stream().map(SpodOrder::updated).filter(Objects::nonNull)
                    .reduce(newest, (a, b) -> b.isAfter(a) ? b : a);
            boolean last = orders.size() < pageSize;
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
                        .flatMap(ignored -> store.reported(reports, last ? newestSoFar : null))
                        .flatMap(ignored -> last
                                ? Uni.createFrom().item(published + facts.size())
                                : nextPage(since, offset, orders, newestSoFar, published + facts.size()));
            });
        });
    }

    /**
     * Pages by key, not by a growing offset: the next page starts at the newest {@code updated} of this
     * one, skipping only the orders already read with exactly that time. An order that changes while the
     * poll pages moves to the end instead of shifting an unread order into a page already read.
     */
    private Uni<Integer> nextPage(Instant since, int offset, List<SpodOrder> orders, Instant newest, int published) {
        Instant pageNewest = orders.stream().map(SpodOrder::updated).filter(Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
        if (pageNewest == null || pageNewest.equals(since)) {
            return page(since, offset + orders.size(), newest, published);
        }
        int sameInstant = (int) orders.stream().filter(order -> pageNewest.equals(order.updated())).count();
        return page(pageNewest, sameInstant, newest, published);
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
