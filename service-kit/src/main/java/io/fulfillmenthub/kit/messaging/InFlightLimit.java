package io.fulfillmenthub.kit.messaging;

import io.smallrye.mutiny.Uni;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * At most {@code limit} pieces of work under way; the next waits for a place, first come first served.
 * A consumer that returns before its work is done uses it to hold back SmallRye (and so the Kafka
 * consumer) when enough is in flight.
 */
public final class InFlightLimit {

    private final int limit;
    /** Guarded by this. */
    private int inFlight;
    /** Work waiting for a place, guarded by this. */
    private final Deque<CompletableFuture<Void>> waiting = new ArrayDeque<>();

    public InFlightLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the most pieces of work in flight must be at least 1, not " + limit);
        }
        this.limit = limit;
    }

    /** Completes once a place is taken, through {@code resumeOn} when it had to wait; give it back with {@link #release()}. */
    public Uni<Void> acquire(Executor resumeOn) {
        CompletableFuture<Void> free = new CompletableFuture<>();
        synchronized (this) {
            if (inFlight < limit) {
                inFlight++;
                return Uni.createFrom().voidItem();
            }
            waiting.add(free);
        }
        return Uni.createFrom().completionStage(free).emitOn(resumeOn);
    }

    /** Gives a place back; it passes to the work waiting longest. */
    public void release() {
        CompletableFuture<Void> next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                inFlight--;
                return;
            }
        }
        next.complete(null);
    }
}
