package io.fulfillmenthub.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.contracts.facts.FulfillmentDelivered;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.fulfillmenthub.kit.failure.FailureClass;
import io.fulfillmenthub.kit.failure.Failures;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.impl.DefaultIncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

class MessageDispatcherTest {

    private static final FulfillmentDelivered DELIVERED =
            new FulfillmentDelivered("spresso:1", "spresso:1/f-1", Fulfiller.SPOD, Instant.parse("2026-11-23T10:00:00Z"));

    private final List<FulfillmentDelivered> handled = new ArrayList<>();
    private final MessageDispatcher dispatcher = MessageDispatcher.forConsumer("test-consumer")
            .on(MessageTypes.FULFILLMENT_DELIVERED, (event, fact) -> {
                handled.add(fact);
                return Uni.createFrom().voidItem();
            })
            .onRaw("hub.inbound.spresso-webhook.v1", event -> Uni.createFrom().failure(new IllegalStateException("vendor down")))
            .skipping(type -> type.startsWith("hub.inbound.lightspeed-"))
            .build();

    @Test
    void aHandledMessageCompletesOnceItsHandlerCompleted() {
        Outcome settled = dispatch(cloudEvent(MessageTypes.FULFILLMENT_DELIVERED.ceType(), HubJson.write(DELIVERED)));
        assertThat(settled.done()).isTrue();
        assertThat(handled).containsExactly(DELIVERED);
    }

    @Test
    void aFailedHandlerFailsWithItsReason() {
        Outcome settled = dispatch(cloudEvent("hub.inbound.spresso-webhook.v1", "{}".getBytes(StandardCharsets.UTF_8)));
        assertThat(settled.failedWith()).hasMessage("vendor down");
    }

    @Test
    void anOwnTypeWithoutAHandlerIsAContractViolationNamingTheType() {
        Outcome settled = dispatch(cloudEvent("hub.fact.fulfillment-delivered.v2", HubJson.write(DELIVERED)));
        assertThat(Failures.classify(settled.failedWith())).isEqualTo(FailureClass.CONTRACT);
        assertThat(settled.failedWith()).isInstanceOf(MessageDispatcher.UnknownMessageTypeException.class)
                .hasMessageContaining("hub.fact.fulfillment-delivered.v2").hasMessageContaining("test-consumer");
    }

    @Test
    void anotherConsumersTypeCompletesAndIsSkipped() {
        Outcome settled = dispatch(cloudEvent("hub.inbound.lightspeed-webhook.v1", "{}".getBytes(StandardCharsets.UTF_8)));
        assertThat(settled.done()).isTrue();
        assertThat(handled).isEmpty();
    }

    @Test
    void dataThatIsNotItsRecordIsAContractViolationNamingTheField() {
        Outcome settled = dispatch(cloudEvent(MessageTypes.FULFILLMENT_DELIVERED.ceType(),
                "{\"hubOrderId\":\"spresso:1\",\"fulfiller\":\"SPOD\",\"deliveredAt\":\"2026-11-23T10:00:00Z\"}"
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(Failures.classify(settled.failedWith())).isEqualTo(FailureClass.CONTRACT);
        assertThat(settled.failedWith()).isInstanceOf(HubJson.InvalidMessageException.class)
                .hasMessageContaining("fulfillmentId");
        assertThat(handled).isEmpty();
    }

    @Test
    void aRecordThatIsNotACloudEventIsAContractViolation() {
        Outcome settled = dispatch(Message.of("{}".getBytes(StandardCharsets.UTF_8), Metadata.of(kafkaMetadata())));
        assertThat(Failures.classify(settled.failedWith())).isEqualTo(FailureClass.CONTRACT);
        assertThat(settled.failedWith()).isInstanceOf(HubJson.InvalidMessageException.class)
                .hasMessageContaining("ce_type");
    }

    @Test
    void aDispatcherThatTakesOneSourceRefusesAnotherNamingItsCeSourceBeforeAnyHandler() {
        MessageDispatcher commands = MessageDispatcher.forConsumer("test-connector")
                .onlyFrom(URI.create("/orchestrator"))
                .on(MessageTypes.FULFILLMENT_DELIVERED, (event, fact) -> {
                    handled.add(fact);
                    return Uni.createFrom().voidItem();
                })
                .build();

        Outcome refused = dispatch(commands, cloudEvent(MessageTypes.FULFILLMENT_DELIVERED.ceType(), HubJson.write(DELIVERED),
                "/somebody-else"));
        assertThat(Failures.classify(refused.failedWith())).isEqualTo(FailureClass.CONTRACT);
        assertThat(refused.failedWith()).isInstanceOf(MessageDispatcher.UntrustedSourceException.class)
                .hasMessageContaining("ce_source '/somebody-else'").hasMessageContaining("'/orchestrator'")
                .hasMessageContaining("test-connector").hasMessageContaining("fulfillment.facts.v1/2@41");
        assertThat(handled).as("never carried out").isEmpty();

        Outcome taken = dispatch(commands, cloudEvent(MessageTypes.FULFILLMENT_DELIVERED.ceType(), HubJson.write(DELIVERED),
                "/orchestrator"));
        assertThat(taken.done()).isTrue();
        assertThat(handled).containsExactly(DELIVERED);
    }

    @Test
    void aDispatcherThatTakesOneSourceRefusesAnotherEvenForATypeItWouldSkipOrDoesNotKnow() {
        MessageDispatcher commands = MessageDispatcher.forConsumer("test-connector").onlyFrom(URI.create("/orchestrator"))
                .skipping(type -> type.startsWith("hub.command.other-"))
                .build();

        assertThat(dispatch(commands, cloudEvent("hub.command.other-connector.v1", new byte[0], "/intruder")).failedWith())
                .isInstanceOf(MessageDispatcher.UntrustedSourceException.class);
        assertThat(dispatch(commands, cloudEvent("hub.command.unknown.v1", new byte[0], "/intruder")).failedWith())
                .isInstanceOf(MessageDispatcher.UntrustedSourceException.class).hasMessageContaining("/intruder");
    }

    private Outcome dispatch(Message<byte[]> message) {
        return dispatch(dispatcher, message);
    }

    private static Outcome dispatch(MessageDispatcher dispatcher, Message<byte[]> message) {
        try {
            dispatcher.handle(message).await().atMost(Duration.ofSeconds(5));
            return new Outcome(true, null);
        } catch (RuntimeException failure) {
            return new Outcome(false, failure);
        }
    }

    private static Message<byte[]> cloudEvent(String type, byte[] data) {
        return cloudEvent(type, data, "/test");
    }

    private static Message<byte[]> cloudEvent(String type, byte[] data, String source) {
        var ce = new DefaultIncomingCloudEventMetadata<>("1.0", "id-1", URI.create(source), type, "application/json",
                null, "spresso:1", Instant.now().atZone(ZoneOffset.UTC), Map.of(), data);
        return Message.of(data, Metadata.of(ce, kafkaMetadata()));
    }

    private static IncomingKafkaRecordMetadata<String, byte[]> kafkaMetadata() {
        return new IncomingKafkaRecordMetadata<>(new ConsumerRecord<>("fulfillment.facts.v1", 2, 41L, "spresso:1",
                new byte[0]), "facts");
    }

    private record Outcome(boolean done, Throwable failedWith) {
    }
}
