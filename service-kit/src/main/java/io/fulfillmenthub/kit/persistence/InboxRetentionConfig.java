package io.fulfillmenthub.kit.persistence;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long the inbox ({@code processed_message}) keeps a message id, and how it is cleared ({@link InboxRetention}). */
@ConfigMapping(prefix = "hub.inbox")
public interface InboxRetentionConfig {

    /**
     * How long a handled message's id is kept. A redelivery of a message whose id is gone would be applied again,
     * so this must outlast every way the same message can come back: a redelivery from its topic (the broker's
     * retention of the hub's topics, 7 days by default) and the replay of a dead letter of it written in that
     * time, which an operator can replay while its dead-letter topic keeps it ({@code hub.dead-letter.retention},
     * 28 days): 7 + 28 = 35 days, and a week more.
     */
    @WithDefault("P42D")
    Duration retention();

    /** How often the rows past {@link #retention()} are deleted; the first run is this long after the start. */
    @WithDefault("1h")
    Duration retentionEvery();

    /** Rows one statement deletes: each is a short transaction; a run goes on while batches come full. */
    @WithDefault("1000")
    int retentionBatchSize();
}
