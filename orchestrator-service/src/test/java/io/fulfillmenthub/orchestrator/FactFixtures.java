package io.fulfillmenthub.orchestrator;

import io.fulfillmenthub.contracts.CloudEventHeaders;
import io.fulfillmenthub.contracts.Fact;
import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.contracts.MessageType;
import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.contracts.Topics;
import io.fulfillmenthub.contracts.commands.UpdateStorefrontFulfillmentStatus;
import io.fulfillmenthub.contracts.facts.OrderPlaced;
import io.fulfillmenthub.contracts.model.Address;
import io.fulfillmenthub.contracts.model.LineQuantity;
import io.fulfillmenthub.contracts.model.OrderLine;
import io.fulfillmenthub.contracts.model.PaymentStatus;
import io.fulfillmenthub.contracts.model.SourceFulfillment;
import io.fulfillmenthub.contracts.model.Storefront;
import io.fulfillmenthub.contracts.HubMessage;
import io.fulfillmenthub.testing.TopicReader;
import io.fulfillmenthub.testing.TopicWriter;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/** Writes facts as a connector does and reads what the orchestrator published, as an outside consumer. */
public final class FactFixtures {

    public static final Instant AT = Instant.parse("2026-11-23T10:15:30Z");

    private FactFixtures() {
    }

    public static String newOrderId() {
        return "spresso:" + UUID.randomUUID();
    }

    /** Publishes the fact on fulfillment.facts.v1 with the given ce_id, keyed by its order. */
    public static void send(String bootstrapServers, String ceId, Fact fact) {
        try (TopicWriter writer = new TopicWriter(bootstrapServers)) {
            writer.send(Topics.FACTS, fact.hubOrderId(), headers(ceId, fact), HubJson.write(fact));
        }
    }

    /** A fact to publish with its ce_id. */
    public record Sent(String ceId, Fact fact) {

        public Sent(Fact fact) {
            this(UUID.randomUUID().toString(), fact);
        }
    }

    /**
     * Publishes the facts in one burst, in the order given, and waits for the broker's acks: the
     * records land together, so the orchestrator takes them in one poll, or a few.
     */
    public static void sendAll(String bootstrapServers, List<Sent> facts) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 50),
                new StringSerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (Sent sent : facts) {
                var record = new ProducerRecord<>(Topics.FACTS, sent.fact().hubOrderId(), HubJson.write(sent.fact()));
                headers(sent.ceId(), sent.fact()).forEach((name, value) -> record.headers().add(name,
                        value.getBytes(StandardCharsets.UTF_8)));
                acks.add(producer.send(record));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish the facts", e);
        }
    }

    private static Map<String, String> headers(String ceId, Fact fact) {
        MessageType<Fact> type = MessageTypes.of(fact);
        return Map.of(
                CloudEventHeaders.SPEC_VERSION, "1.0",
                CloudEventHeaders.ID, ceId,
                CloudEventHeaders.TYPE, type.ceType(),
                CloudEventHeaders.SOURCE, "/test-connector",
                CloudEventHeaders.SUBJECT, fact.hubOrderId(),
                CloudEventHeaders.TIME, AT.toString());
    }

    /** Publishes the fact with a new ce_id, and returns the id. */
    public static String send(String bootstrapServers, Fact fact) {
        String id = UUID.randomUUID().toString();
        send(bootstrapServers, id, fact);
        return id;
    }

    public static OrderPlaced orderPlaced(String orderId, List<OrderLine> lines, List<SourceFulfillment> fulfillments) {
        return new OrderPlaced(orderId, Storefront.SPRESSO, orderId.substring(orderId.indexOf(':') + 1), "1001", AT, null,
                PaymentStatus.PAID, true, "ada@example.com", new Address("Ada", "Lovelace", null, "12 Crescent Road",
                        "Flat 3", "London", "NW1 4NP", null, "GB", null), lines, fulfillments);
    }

    /** A new Squarespace hub order id: {@code squarespace:<order id>}. */
    public static String newSquarespaceOrderId() {
        return "squarespace:" + UUID.randomUUID();
    }

    /**
     * A Squarespace order as its connector publishes it: not fulfillable at the source, no fulfillments of its
     * own; the hub's rule and routing rules apply. The grace period (10 minutes) runs from {@code placedAt}.
     */
    public static OrderPlaced squarespaceOrderPlaced(String orderId, Instant placedAt, PaymentStatus payment,
            List<OrderLine> lines) {
        return new OrderPlaced(orderId, Storefront.SQUARESPACE, orderId.substring(orderId.indexOf(':') + 1), "1042",
                placedAt, "USD", payment, false, "grace@example.com", new Address("Grace", "Hopper", null, "1 Navy Way",
                        null, "Arlington", "22202", "VA", "US", null), lines, List.of());
    }

    public static OrderLine line(String lineId, String sku, int quantity) {
        return new OrderLine(lineId, lineId, sku, sku, quantity, null);
    }

    public static SourceFulfillment fulfillment(String id, LineQuantity... lines) {
        return new SourceFulfillment(id, "carrier_delivery", "spod", List.of(lines));
    }

    public static LineQuantity quantity(String lineId, int quantity) {
        return new LineQuantity(lineId, quantity);
    }

    /** Waits for a message of the type on its topic for the order that matches, and returns its data. */
    public static <T extends HubMessage> T await(String bootstrapServers, MessageType<T> type, String orderId,
            Predicate<T> matching) {
        try (TopicReader reader = new TopicReader(bootstrapServers, type.topic())) {
            ConsumerRecord<String, byte[]> record = reader.await(r -> isOf(r, type, orderId)
                    && matching.test(HubJson.read(r.value(), type.dataClass())));
            return HubJson.read(record.value(), type.dataClass());
        }
    }

    /** Everything of the type published for the order so far, after waiting for {@code marker} on the same topic. */
    public static <T extends HubMessage> List<T> allBefore(String bootstrapServers, MessageType<T> type, String orderId,
            MessageType<?> marker) {
        if (!marker.topic().equals(type.topic())) {
            throw new IllegalArgumentException("the marker must travel on " + type.topic());
        }
        try (TopicReader reader = new TopicReader(bootstrapServers, type.topic())) {
            reader.await(r -> isOf(r, marker, orderId));
            return reader.poll().stream().filter(r -> isOf(r, type, orderId))
                    .map(r -> HubJson.read(r.value(), type.dataClass())).toList();
        }
    }

    /**
     * Everything on the topic up to where each partition ends now: all that has been published so far.
     * The hub's producers are not transactional, so the record before a partition's end offset is a
     * message, and reading up to it means reading everything before it.
     */
    public static List<ConsumerRecord<String, byte[]>> publishedSoFar(String bootstrapServers, String topic) {
        try (TopicReader reader = new TopicReader(bootstrapServers, topic)) {
            Map<TopicPartition, Long> ends = endOffsets(bootstrapServers, topic);
            return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(reader::poll, records -> ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                            || records.stream().anyMatch(r -> r.partition() == end.getKey().partition()
                                    && r.offset() == end.getValue() - 1)));
        }
    }

    /** The offset the next record of each partition of the topic will get. */
    public static Map<TopicPartition, Long> endOffsets(String bootstrapServers, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                    .collect(Collectors.toMap(info -> new TopicPartition(topic, info.partition()), info -> OffsetSpec.latest()));
            return admin.listOffsets(partitions).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic, e);
        }
    }

    /** Waits until the order has no row left in the outbox: everything it caused so far is on the broker. */
    public static void awaitOutboxEmpty(PgPool database, String order) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> database.preparedQuery("SELECT count(*) AS n FROM outbox WHERE message_key = $1")
                        .execute(Tuple.of(order)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong("n") == 0);
    }

    /** Every storefront status update published for the order so far, in the order published. */
    public static List<UpdateStorefrontFulfillmentStatus> storefrontUpdatesSoFar(String bootstrapServers, String order) {
        return publishedSoFar(bootstrapServers, Topics.COMMANDS_STOREFRONT).stream()
                .filter(r -> isOf(r, MessageTypes.UPDATE_STOREFRONT_FULFILLMENT_STATUS, order))
                .map(r -> HubJson.read(r.value(), UpdateStorefrontFulfillmentStatus.class)).toList();
    }

    public static boolean isOf(ConsumerRecord<String, byte[]> record, MessageType<?> type, String orderId) {
        return orderId.equals(record.key()) && type.ceType().equals(TopicReader.header(record, CloudEventHeaders.TYPE));
    }

    public static String json(Object value) {
        return new String(HubJson.write(value), StandardCharsets.UTF_8);
    }
}
