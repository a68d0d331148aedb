package io.fulfillmenthub.sandbox.spod;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Every order submitted to the simulated SPOD, in memory. */
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

    SpodOrderBook(Clock clock) {
        this.clock = clock;
    }

    public SpodOrder submit(SpodOrderSubmission submission) {
        SpodOrder order = new SpodOrder(submission, now());
        if (orders.putIfAbsent(submission.externalOrderId(), order) != null) {
            throw new DuplicateExternalOrderId(submission.externalOrderId());
        }
        return order;
    }

    public Optional<SpodOrder> find(String externalOrderId) {
        return Optional.ofNullable(orders.get(externalOrderId));
    }

    public List<SpodOrderDetail> list(SpodOrderQuery query) {
        return orders.values().stream()
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

    /** Millisecond precision: what the API shows is exactly what is compared. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
