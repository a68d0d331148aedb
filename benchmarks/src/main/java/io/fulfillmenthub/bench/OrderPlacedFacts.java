package io.fulfillmenthub.bench;

import io.fulfillmenthub.contracts.CloudEventHeaders;
import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.contracts.Topics;
import io.fulfillmenthub.contracts.facts.OrderPlaced;
import io.fulfillmenthub.contracts.model.Address;
import io.fulfillmenthub.contracts.model.LineQuantity;
import io.fulfillmenthub.contracts.model.OrderLine;
import io.fulfillmenthub.contracts.model.PaymentStatus;
import io.fulfillmenthub.contracts.model.SourceFulfillment;
import io.fulfillmenthub.contracts.model.Storefront;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes Spresso orders as the storefront connector does: an {@code OrderPlaced} fact (paid, already
 * fulfillable at the source, one SPOD fulfillment of two mapped lines) as a binary-mode CloudEvent on
 * {@code fulfillment.facts.v1}, keyed by the hub order id. A fast producer, so the orchestrator is what
 * is measured.
 */
final class OrderPlacedFacts implements AutoCloseable {

    static final String SOURCE = "/storefront-connector";

    private final KafkaProducer<String, byte[]> producer;

    OrderPlacedFacts(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends one order's fact; the hub order id is {@code spresso:<sourceOrderId>}. */
    void send(String sourceOrderId) {
        String hubOrderId = "spresso:" + sourceOrderId;
        Instant now = Instant.now();
        OrderPlaced fact = new OrderPlaced(hubOrderId, Storefront.SPRESSO, sourceOrderId, sourceOrderId, now, null,
                PaymentStatus.PAID, true, "ada@example.com",
                new Address("Ada", "Lovelace", null, "12 Crescent Road", "Flat 3", "London", "NW1 4NP", null, "GB", null),
                List.of(new OrderLine("var-tee", "var-tee", "TEE-BLK-M", "Black tee M", 2, null),
                        new OrderLine("var-mug", "var-mug", "MUG-WHT", "White mug", 1, null)),
                List.of(new SourceFulfillment("f-1", "carrier_delivery", "spod",
                        List.of(new LineQuantity("var-tee", 2), new LineQuantity("var-mug", 1)))));
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(headers, CloudEventHeaders.ID, UUID.randomUUID().toString());
        header(headers, CloudEventHeaders.TYPE, MessageTypes.ORDER_PLACED.ceType());
        header(headers, CloudEventHeaders.SOURCE, SOURCE);
        header(headers, CloudEventHeaders.SUBJECT, hubOrderId);
        header(headers, CloudEventHeaders.TIME, now.toString());
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        producer.send(new ProducerRecord<>(Topics.FACTS, null, hubOrderId, HubJson.write(fact), headers));
    }

    void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
