package io.fulfillmenthub.ingest.rest;

import io.fulfillmenthub.contracts.Topics;
import io.fulfillmenthub.testing.TopicReader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A webhook test that reads what reached {@code fulfillment.inbound.v1}, from its beginning, in {@link #inbound}. */
abstract class InboundTopicTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    TopicReader inbound;

    @BeforeEach
    void readTheInboundTopic() {
        inbound = new TopicReader(bootstrapServers, Topics.INBOUND);
    }

    @AfterEach
    void closeTheInboundTopic() {
        inbound.close();
    }
}
