package io.fulfillmenthub.kit.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the Kafka consumers work through their records, and how they wait out a failure. */
@ConfigMapping(prefix = "hub.consumer")
public interface ConsumerConfig {

    /**
     * Records one channel works on at the same time; one order's records still go one after the other.
     * Enough to cover the rate times the time one record takes (1000 records/s at 20 ms is 20) with room
     * for slow moments; each one holds at most one vendor connection at a time. When all places hold
     * records that wait out a fault, the channel takes no more records: SmallRye pauses its partitions.
     */
    @WithDefault("64")
    int maxInFlight();

    /** The one retry policy of every consumer. */
    Retry retry();

    /** How often a consumer re-reads the held orders of its group, which other replicas may have added. */
    @WithDefault("10s")
    Duration holdRefresh();

    interface Retry {

        /** The first wait after a failed attempt; each further wait doubles, up to {@link #maxDelay()}. */
        @WithDefault("200ms")
        Duration initialDelay();

        /** The longest wait between attempts, unless the vendor's {@code Retry-After} asked for more. */
        @WithDefault("30s")
        Duration maxDelay();

        /**
         * Attempts that fail the same way, with a failure that is neither transient nor a contract
         * violation (a bug, a constraint violation), before the record is dead-lettered as poison.
         */
        @WithDefault("5")
        int poisonAttempts();
    }
}
