package io.fulfillmenthub.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillmenthub.contracts.Envelope;
import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.contracts.MessageIds;
import io.fulfillmenthub.contracts.Topics;
import io.fulfillmenthub.contracts.commands.CancelPrintOrder;
import io.fulfillmenthub.testing.HubServiceContract;
import io.fulfillmenthub.testing.UnreachableInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.pgclient.PgPool;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrchestratorServiceTest extends HubServiceContract {

    @Inject
    PgPool database;

    @Override
    protected Published publishOne() {
        String order = "spresso:" + UUID.randomUUID();
        var command = new CancelPrintOrder(order, order + "/f-1", "cancelled at source");
        var envelope = new Envelope<>(MessageIds.derive(order, "cancel"), URI.create("/orchestrator"), Instant.now(), command);
        publisher.publish(envelope).await().atMost(Duration.ofSeconds(30));
        return new Published(Topics.COMMANDS_SPOD, order, envelope.id(), "hub.command.cancel-print-order.v1",
                "/orchestrator", order, new String(HubJson.write(command), StandardCharsets.UTF_8));
    }

    @Override
    protected List<ConsumedTopic> consumedTopics() {
        return List.of(new ConsumedTopic(Topics.FACTS, Topics.deadLetter(Topics.FACTS, "orchestrator"),
                "hub.fact.order-teleported.v1"));
    }

    @Override
    protected List<String> readinessChecks() {
        return List.of(UnreachableInfrastructure.DATABASE_CHECK, "SmallRye Reactive Messaging - readiness check");
    }

    @Test
    void itsDatabaseHasTheInbox() {
        var rows = database.query("SELECT to_regclass('processed_message')::text AS inbox").execute()
                .await().atMost(Duration.ofSeconds(10));
        assertThat(rows.iterator().next().getString("inbox")).isEqualTo("processed_message");
    }
}
