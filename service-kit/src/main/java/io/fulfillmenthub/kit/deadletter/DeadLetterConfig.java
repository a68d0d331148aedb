package io.fulfillmenthub.kit.deadletter;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the dead-letter topics of a service's consumers are kept ({@link DeadLetterTopics}). */
@ConfigMapping(prefix = "hub.dead-letter")
public interface DeadLetterConfig {

    /**
     * {@code retention.ms} of every dead-letter topic: long enough for an operator to notice a dead letter,
     * fix its cause and replay it (the broker's default is 7 days).
     */
    @WithDefault("P28D")
    Duration retention();

    /**
     * {@code max.message.bytes} of every dead-letter topic, and {@code max.request.size} of every channel's
     * dead-letter producer (service-kit's {@code microprofile-config.properties}). A dead letter is the
     * consumed record plus the dead-letter headers, so this must exceed the largest record any hub topic
     * takes (2 MiB, the inbound topic) with room for those headers (an exception message can be long).
     */
    @WithDefault("4194304")
    int maxMessageBytes();
}
