package io.fulfillmenthub.orchestrator.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The grace-period timer poller ({@link GracePeriodTimerPoller}). */
@ConfigMapping(prefix = "hub.orchestrator.timers")
public interface GracePeriodTimerConfig {

    /** How often due timers are looked for: the most a timer fires late, give or take a transaction. */
    @WithDefault("1s")
    Duration pollEvery();

    /** Timers fired per transaction; a round goes on with the next batch while batches come full. */
    @WithDefault("100")
    int batchSize();
}
