package io.fulfillmenthub.ingest;

import io.fulfillmenthub.contracts.InboundTypes;
import io.fulfillmenthub.contracts.Topics;
import io.fulfillmenthub.kit.messaging.CloudEventRecords;
import io.fulfillmenthub.testing.HubServiceContract;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@QuarkusTest
class IngestServiceTest extends HubServiceContract {

    @Override
    protected Published publishOne() {
        String order = "spresso:" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        String body = "{\"event\":\"order_fulfillable\",\"eventId\":\"" + id + "\"}";
        publisher.publish(CloudEventRecords.of(Topics.INBOUND, id, InboundTypes.SPRESSO_WEBHOOK,
                URI.create("/ingest/spresso"), Instant.now(), order, order, body.getBytes(StandardCharsets.UTF_8)))
                .await().atMost(Duration.ofSeconds(30));
        return new Published(Topics.INBOUND, order, id, InboundTypes.SPRESSO_WEBHOOK, "/ingest/spresso", order, body);
    }

    @Override
    protected List<ConsumedTopic> consumedTopics() {
        return List.of();
    }
}
