package io.fulfillmenthub.sandbox.lightspeed;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Creates whose answer is held ({@code POST /_sandbox/lightspeed/hold-creates}): the sale is made, then the answer
 * waits for {@code release-creates} (or {@link #LIMIT_SECONDS}), so a test plays a response lost after the vendor
 * acted, or a connector that dies between its call and recording the answer.
 */
@ApplicationScoped
public class HeldCreates {

    static final long LIMIT_SECONDS = 120;

    private record Hold(String sourceId, int[] remaining) {}

    private final List<Hold> holds = new ArrayList<>();
    private final List<CompletableFuture<Void>> waiting = new ArrayList<>();

    /** The next {@code count} creates (of this source_id, or any when null) are held. */
    synchronized void hold(String sourceId, int count) {
        holds.add(new Hold(sourceId, new int[] {count}));
    }

    /** Claims a hold for a create of this source_id: what its answer waits for, if held. */
    synchronized Optional<CompletableFuture<Void>> claim(String sourceId) {
        for (Iterator<Hold> it = holds.iterator(); it.hasNext();) {
            Hold hold = it.next();
            if (hold.sourceId() == null || hold.sourceId().equals(sourceId)) {
                if (--hold.remaining()[0] <= 0) {
                    it.remove();
                }
                CompletableFuture<Void> release = new CompletableFuture<>();
                waiting.add(release);
                return Optional.of(release);
            }
        }
        return Optional.empty();
    }

    /** Lets every held answer go and forgets the holds not yet used; answers how many answers were waiting. */
    synchronized int releaseAll() {
        int released = (int) waiting.stream().filter(future -> !future.isDone()).count();
        waiting.forEach(future -> future.complete(null));
        waiting.clear();
        holds.clear();
        return released;
    }

    synchronized int pending() {
        return holds.stream().mapToInt(hold -> hold.remaining()[0]).sum();
    }
}
