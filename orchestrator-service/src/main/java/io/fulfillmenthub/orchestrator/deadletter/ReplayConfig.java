package io.fulfillmenthub.orchestrator.deadletter;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How dead letters are replayed ({@link DeadLetterReplay}). */
@ConfigMapping(prefix = "hub.replay")
public interface ReplayConfig {

    /** How long a replay waits for the broker's ack of one record before it reports a failure. */
    @WithDefault("PT15S")
    Duration publishTimeout();
}
