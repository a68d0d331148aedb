package io.fulfillmenthub.sandbox.spod;

import io.fulfillmenthub.sandbox.timing.ScenarioTimings;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
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

    private final ConcurrentMap<String, SpodOrder> orders = new ConcurrentHashMap<>();
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
            timings.record(ScenarioTimings.Mark.SPOD_ORDER_RECEIVED, submission.externalOrderId());
            return order;
        } finally {
            changes.writeLock().unlock();
        }
    }

    /** Applies a change to an order at the current time (see the class comment); its exceptions pass through. */
    public void change(Consumer<Instant> change) {
        changes.writeLock().lock();
        try {
            change.accept(now());
        } finally {
            changes.writeLock().unlock();
        }
    }

    public Optional<SpodOrder> find(String externalOrderId) {
        return Optional.ofNullable(orders.get(externalOrderId));
    }

    /**
     * Orders last changed before {@code updated-since} are passed over without copying their detail, so a
     * poll of recent changes stays cheap however many orders the book holds.
     */
    public List<SpodOrderDetail> list(SpodOrderQuery query) {
        changes.readLock().lock();
        try {
            return listUnlocked(query);
        } finally {
            changes.readLock().unlock();
        }
    }

    private List<SpodOrderDetail> listUnlocked(SpodOrderQuery query) {
        return orders.values().stream()
                .filter(order -> !order.updated().isBefore(query.updatedSince()))
                .map(SpodOrder::snapshot)
                .filter(s -> !s.updated().isBefore(query.updatedSince()))
                .filter(s -> !s.created().isBefore(query.createdSince()))
                .filter(s -> query.state().map(state -> state == s.state()).orElse(true))
                .sorted(BY_UPDATED_THEN_ID)
                .skip(query.offset())
                .limit(query.limit())
                .map(SpodOrder.Snapshot::detail)
                .toList();
    }

    public List<SpodOrderDetail> all() {
        return orders.values().stream().map(SpodOrder::snapshot).sorted(BY_UPDATED_THEN_ID)
                .map(SpodOrder.Snapshot::detail).toList();
    }

    /** Forgets every order (the control API's reset). */
    public void clear() {
        orders.clear();
    }

    /** Millisecond precision: what the API shows is exactly what is compared. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
