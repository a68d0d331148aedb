package io.fulfillmenthub.kit.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import java.util.Optional;

/**
 * The orders whose lane a consumer group holds because one of their records was dead-lettered: that
 * order's later records wait (they are dead-lettered behind it as {@code held}), other orders flow. A
 * hold is lifted when the dead letter that caused it is replayed and succeeds.
 */
public interface LaneHolds {

    /** @param heldBy the {@code ce_id} of the dead letter that holds the lane */
    record Hold(String orderKey, String heldBy, String reason) {
    }

    /** The holds of {@code consumer} in the service's database (table {@code lane_hold}). */
    static LaneHolds inDatabase(Pool database, String consumer, Duration refresh) {
        return new PostgresLaneHolds(database, consumer, refresh);
    }

    /** Completes once the holds can be read by {@link #of}, read again when the copy is stale. */
    Uni<Void> fresh();

    /** The next {@link #fresh} reads the holds again, whatever the copy's age. */
    void stale();

    Optional<Hold> of(String orderKey);

    /** How many orders are held. */
    int size();

    /** Holds the order's lane; the first dead letter of an order stays the one that holds it. */
    Uni<Void> hold(String orderKey, String heldBy, String reason);

    /** Lifts the hold that {@code heldBy} caused, once its replay succeeded. */
    Uni<Void> release(String orderKey, String heldBy);
}
