package io.fulfillmenthub.orchestrator.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The outbox relay ({@link OutboxRelay}). */
@ConfigMapping(prefix = "hub.outbox")
public interface OutboxConfig {

    /**
     * The relay's backstop: a run this often even when nothing woke it (a lost wake-up, rows left by a
     * crash). A row that failed is tried again no sooner than this after its failure.
     */
    @WithDefault("5s")
    Duration tick();

    /** Rows per relay round. */
    @WithDefault("200")
    int batchSize();

    /** How long a row waits for the broker's ack before the attempt counts as failed (transient). */
    @WithDefault("15s")
    Duration publishTimeout();

    /**
     * A row the broker refused this many times (too large, an invalid topic, ...) is parked: kept with its
     * error, no longer published, listed at {@code GET /outbox/parked} until an operator retries it.
     * Transient failures (the broker unreachable, timeouts) never park a row.
     */
    @WithDefault("10")
    int parkAfter();
}
