package io.fulfillmenthub.kit.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the Kafka consumers work through their records. */
@ConfigMapping(prefix = "hub.consumer")
public interface ConsumerConfig {

    /**
     * Records one channel works on at the same time; one order's records still go one after the other.
     * Enough to cover the rate times the time one record takes (1000 records/s at 20 ms is 20) with room
     * for slow moments; each one holds at most one vendor connection at a time.
     */
    @WithDefault("64")
    int maxInFlight();
}
