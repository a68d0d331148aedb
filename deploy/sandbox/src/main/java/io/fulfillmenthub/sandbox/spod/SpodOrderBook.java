package io.fulfillmenthub.sandbox.spod;

import io.fulfillmenthub.sandbox.timing.ScenarioTimings;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * Every order submitted to the simulated SPOD, in memory. A change takes its time and is applied under
 * one write lock, and a listing reads under the read lock, so changes become visible in the order of
 * their {@code updated} times: a poller that moves its cursor to the newest {@code updated} it saw can
 * never later find a change stamped before it.
 */
@ApplicationScoped
public class SpodOrderBook {

    /** Thrown when the external-order-id is taken: SPOD requires it to be unique. */
    public static class DuplicateExternalOrderId extends RuntimeException {
        DuplicateExternalOrderId(String id) {
            super("external-order-id already exists: " + id);
        }
    }

    private static final Comparator<SpodOrder.Snapshot> BY_UPDATED_THEN_ID = Comparator
            .comparing(SpodOrder.Snapshot::updated)
            .thenComparing(s -> s.detail().externalOrderId());

    /** Where an order stands in a listing: {@link #BY_UPDATED_THEN_ID}'s order, without a snapshot. */
    private record ListingKey(Instant updated, String externalOrderId) {
        static final Comparator<ListingKey> ORDER = Comparator.comparing(ListingKey::updated)
                .thenComparing(ListingKey::externalOrderId);

        static ListingKey of(SpodOrder order) {
            return new ListingKey(order.updated(), order.externalOrderId());
        }

        /** Before every order updated at or after {@code updated}: no id sorts before the empty one. */
        static ListingKey from(Instant updated) {
            return new ListingKey(updated, "");
        }
    }

    private final ConcurrentMap<String, SpodOrder> orders = new ConcurrentHashMap<>();
    /** Every order of {@link #orders} by its listing key; changed only under the write lock, with them. */
    private final ConcurrentNavigableMap<ListingKey, SpodOrder> listing = new ConcurrentSkipListMap<>(ListingKey.ORDER);
    private final Clock clock;
    private final ScenarioTimings timings;
    private final ReadWriteLock changes = new ReentrantReadWriteLock();

    SpodOrderBook(Clock clock, ScenarioTimings timings) {
        this.clock = clock;
        this.timings = timings;
    }

    public SpodOrder submit(SpodOrderSubmission submission) {
        changes.writeLock().lock();
        try {
            SpodOrder order = new SpodOrder(submission, now());
            if (orders.putIfAbsent(submission.externalOrderId(), order) != null) {
                throw new DuplicateExternalOrderId(submission.externalOrderId());
            }
            listing.put(ListingKey.of(order), order);
            timings.record(ScenarioTimings.Mark.SPOD_ORDER_RECEIVED, submission.externalOrderId());
            return order;
        } finally {
            changes.writeLock().unlock();
        }
    }

    /**
     * Applies a change to this order, and to no other, at the current time (see the class comment); its
     * exceptions pass through. The order moves in the listing to its new {@code updated}, even when the
     * change failed half-way.
     */
    public void change(SpodOrder order, Consumer<Instant> change) {
        changes.writeLock().lock();
        try {
            ListingKey before = ListingKey.of(order);
            try {
                change.accept(now());
            } finally {
                ListingKey after = ListingKey.of(order);
                // An order forgotten by a reset while its change was on the way stays forgotten.
                if (!after.equals(before) && listing.remove(before, order)) {
                    listing.put(after, order);
                }
            }
        } finally {
            changes.writeLock().unlock();
        }
    }

    public Optional<SpodOrder> find(String externalOrderId) {
        return Optional.ofNullable(orders.get(externalOrderId));
    }

    /**
     * Walks the orders from {@code updated-since} in listing order and copies only those on the page, so a
     * poller paging by its newest {@code updated} costs the page, not the book: O(log n + offset + limit)
     * when it filters on neither creation time nor state.
     */
    public List<SpodOrderDetail> list(SpodOrderQuery query) {
        return list(query, SpodBehaviour.ListOrder.UPDATED);
    }

    /** One page in the given sort order; any order but {@code updated} sorts the whole selection (tests, not benchmarks). */
    public List<SpodOrderDetail> list(SpodOrderQuery query, SpodBehaviour.ListOrder order) {
        changes.readLock().lock();
        try {
            return order == SpodBehaviour.ListOrder.UPDATED ? listUnlocked(query) : listSorted(query, order);
        } finally {
            changes.readLock().unlock();
        }
    }

    private List<SpodOrderDetail> listSorted(SpodOrderQuery query, SpodBehaviour.ListOrder order) {
        Comparator<SpodOrder.Snapshot> sort = switch (order) {
            case CREATED -> Comparator.comparing(SpodOrder.Snapshot::created)
                    .thenComparing(snapshot -> snapshot.detail().externalOrderId());
            case NEWEST_FIRST -> Comparator.comparing(SpodOrder.Snapshot::updated).reversed()
                    .thenComparing(snapshot -> snapshot.detail().externalOrderId());
            case UPDATED -> BY_UPDATED_THEN_ID;
        };
        return orders.values().stream()
                .map(SpodOrder::snapshot)
                .filter(snapshot -> !snapshot.updated().isBefore(query.updatedSince()))
                .filter(snapshot -> !snapshot.created().isBefore(query.createdSince()))
                .filter(snapshot -> query.state().map(state -> state == snapshot.state()).orElse(true))
                .sorted(sort)
                .skip(query.offset())
                .limit(query.limit())
                .map(SpodOrder.Snapshot::detail)
                .toList();
    }

    private List<SpodOrderDetail> listUnlocked(SpodOrderQuery query) {
        List<SpodOrderDetail> page = new ArrayList<>();
        long skipped = 0;
        for (SpodOrder order : listing.tailMap(ListingKey.from(query.updatedSince()), true).values()) {
            if (page.size() >= query.limit()) {
                break;
            }
            if (order.created().isBefore(query.createdSince())
                    || query.state().map(state -> state != order.state()).orElse(false)) {
                continue;
            }
            if (skipped < query.offset()) {
                skipped++;
                continue;
            }
            page.add(order.detail());
        }
        return page;
    }

    public List<SpodOrderDetail> all() {
        return orders.values().stream().map(SpodOrder::snapshot).sorted(BY_UPDATED_THEN_ID)
                .map(SpodOrder.Snapshot::detail).toList();
    }

    /** Forgets every order (the control API's reset). */
    public void clear() {
        changes.writeLock().lock();
        try {
            orders.clear();
            listing.clear();
        } finally {
            changes.writeLock().unlock();
        }
    }

    /** Millisecond precision: what the API shows is exactly what is compared. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
