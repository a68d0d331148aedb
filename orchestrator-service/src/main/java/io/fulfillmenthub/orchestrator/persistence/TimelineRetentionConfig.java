package io.fulfillmenthub.orchestrator.persistence;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How long the timeline of a finished order is kept, and how often the orchestrator's retention job runs
 * ({@link HistoryRetention}: the timelines, and the dead-letter index by {@code hub.dead-letter.retention}).
 */
@ConfigMapping(prefix = "hub.timeline")
public interface TimelineRetentionConfig {

    /**
     * How long after its last change a finished order (COMPLETED, CANCELLED, FAILED) keeps its timeline: past a
     * customer's complaint or a card chargeback (commonly up to 120 days after the purchase), with room to spare.
     * The order itself, its fulfillments and shipments stay.
     */
    @WithDefault("P180D")
    Duration retention();

    /** How often the job runs; the first run is this long after the start. */
    @WithDefault("1h")
    Duration retentionEvery();

    /** Rows one statement deletes; a run goes on while batches come full. */
    @WithDefault("1000")
    int retentionBatchSize();
}
