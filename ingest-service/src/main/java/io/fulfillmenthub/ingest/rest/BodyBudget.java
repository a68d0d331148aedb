package io.fulfillmenthub.ingest.rest;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of request bodies held at once, all requests together, against {@code hub.ingest.max-body-bytes-in-flight}:
 * the per-request limit alone lets N connections hold N times it (a slowloris crowd), so the total has its own.
 */
final class BodyBudget {

    private final long limit;
    private final AtomicLong held = new AtomicLong();

    BodyBudget(long limit) {
        this.limit = limit;
    }

    /** Takes {@code bytes} from the budget; false, taking nothing, when that would pass the limit. */
    boolean take(long bytes) {
        if (held.addAndGet(bytes) <= limit) {
            return true;
        }
        held.addAndGet(-bytes);
        return false;
    }

    void giveBack(long bytes) {
        held.addAndGet(-bytes);
    }

    long held() {
        return held.get();
    }
}
