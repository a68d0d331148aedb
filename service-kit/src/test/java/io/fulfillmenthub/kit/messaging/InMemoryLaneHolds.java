package io.fulfillmenthub.kit.messaging;

import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Holds in a map, for tests of the lanes without a database. */
final class InMemoryLaneHolds implements LaneHolds {

    final Map<String, Hold> holds = new ConcurrentHashMap<>();

    @Override
    public Uni<Void> fresh() {
        return Uni.createFrom().voidItem();
    }

    @Override
    public void stale() {
        // always fresh
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
        holds.putIfAbsent(orderKey, new Hold(orderKey, heldBy, reason));
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> release(String orderKey, String heldBy) {
        holds.computeIfPresent(orderKey, (key, hold) -> hold.heldBy().equals(heldBy) ? null : hold);
        return Uni.createFrom().voidItem();
    }
}
