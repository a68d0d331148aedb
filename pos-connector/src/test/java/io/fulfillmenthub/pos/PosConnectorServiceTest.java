package io.fulfillmenthub.pos;

import io.fulfillmenthub.contracts.Envelope;
import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.contracts.MessageIds;
import io.fulfillmenthub.contracts.Topics;
import io.fulfillmenthub.contracts.facts.FulfillmentDelivered;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.fulfillmenthub.testing.HubServiceContract;
import io.fulfillmenthub.testing.UnreachableInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@QuarkusTest
class PosConnectorServiceTest extends HubServiceContract {

    @Override
    protected Published publishOne() {
        String order = "spresso:" + UUID.randomUUID();
        var fact = new FulfillmentDelivered(order, order + "/f-1", Fulfiller.LIGHTSPEED, Instant.now());
        var envelope = new Envelope<>(MessageIds.derive(order, "delivered"), URI.create("/pos-connector"), Instant.now(), fact);
        publisher.publish(envelope).await().atMost(Duration.ofSeconds(30));
        return new Published(Topics.FACTS, order, envelope.id(), "hub.fact.fulfillment-delivered.v1", "/pos-connector", order,
                new String(HubJson.write(fact), StandardCharsets.UTF_8));
    }

    @Override
    protected List<ConsumedTopic> consumedTopics() {
        return List.of(new ConsumedTopic(Topics.COMMANDS_POS, Topics.deadLetter(Topics.COMMANDS_POS, "pos-connector"),
                        "hub.command.void-sale.v1", "/orchestrator"),
                new ConsumedTopic(Topics.INBOUND, Topics.deadLetter(Topics.INBOUND, "pos-connector"),
                        "hub.inbound.lightspeed-webhook.v9"));
    }

    @Override
    protected List<String> readinessChecks() {
        return List.of(UnreachableInfrastructure.DATABASE_CHECK, "SmallRye Reactive Messaging - readiness check");
    }
}
