package io.fulfillmenthub.kit.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds kept as rows in the service's own database ({@code lane_hold}, one migration per service), so they
 * outlive a restart. Each replica keeps a copy in memory, read again every {@code hub.consumer.hold-refresh}
 * for holds another replica took, and at once when a partition comes to this replica ({@link #stale}, called by
 * the lanes when a partition is new to them or its offsets jump), so a held order's records that a rebalance
 * moves here stay held.
 */
final class PostgresLaneHolds implements LaneHolds {

    private final Pool database;
    private final String consumer;
    private final Duration refresh;
    private volatile Map<String, Hold> holds = Map.of();
    private volatile Instant loadedAt;
    private final AtomicReference<CompletableFuture<Void>> reading = new AtomicReference<>();

    PostgresLaneHolds(Pool database, String consumer, Duration refresh) {
        this.database = database;
        this.consumer = consumer;
        this.refresh = refresh;
    }

    @Override
    public Uni<Void> fresh() {
        Instant loaded = loadedAt;
        if (loaded != null && loaded.plus(refresh).isAfter(Instant.now())) {
            return Uni.createFrom().voidItem();
        }
        // one read at a time: the records that find the copy stale together wait for the same read
        CompletableFuture<Void> read = new CompletableFuture<>();
        CompletableFuture<Void> underWay = reading.compareAndExchange(null, read);
        if (underWay != null) {
            return Uni.createFrom().completionStage(underWay);
        }
        database.preparedQuery("SELECT order_key, held_by, reason FROM lane_hold WHERE consumer = $1")
                .execute(Tuple.of(consumer))
                .subscribe().with(rows -> {
                    Map<String, Hold> found = new HashMap<>();
                    for (Row row : rows) {
                        found.put(row.getString("order_key"),
                                new Hold(row.getString("order_key"), row.getString("held_by"), row.getString("reason")));
                    }
                    holds = Map.copyOf(found);
                    loadedAt = Instant.now();
                    reading.set(null);
                    read.complete(null);
                }, failure -> {
                    reading.set(null);
                    read.completeExceptionally(failure);
                });
        return Uni.createFrom().completionStage(read);
    }

    @Override
    public void stale() {
        loadedAt = null;
    }

    @Override
    public Optional<Hold> of(String orderKey) {
        return Optional.ofNullable(holds.get(orderKey));
    }

    @Override
    public int size() {
        return holds.size();
    }

    @Override
    public Uni<Void> hold(String orderKey, String heldBy, String reason) {
        return database.preparedQuery("INSERT INTO lane_hold (consumer, order_key, held_by, reason) VALUES ($1, $2, $3, $4) "
                        + "ON CONFLICT (consumer, order_key) DO NOTHING")
                .execute(Tuple.of(consumer, orderKey, heldBy, reason))
                .invoke(() -> {
                    Map<String, Hold> updated = new HashMap<>(holds);
                    updated.putIfAbsent(orderKey, new Hold(orderKey, heldBy, reason));
                    holds = Map.copyOf(updated);
                })
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> release(String orderKey, String heldBy) {
        return database.preparedQuery("DELETE FROM lane_hold WHERE consumer = $1 AND order_key = $2 AND held_by = $3")
                .execute(Tuple.of(consumer, orderKey, heldBy))
                .invoke(() -> {
                    Map<String, Hold> updated = new HashMap<>(holds);
                    Hold current = updated.get(orderKey);
                    if (current != null && current.heldBy().equals(heldBy)) {
                        updated.remove(orderKey);
                    }
                    holds = Map.copyOf(updated);
                })
                .replaceWithVoid();
    }
}
