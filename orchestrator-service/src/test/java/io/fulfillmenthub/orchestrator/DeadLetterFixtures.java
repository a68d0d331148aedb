package io.fulfillmenthub.orchestrator;

import static io.fulfillmenthub.orchestrator.OperationsTokens.given;

import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.awaitility.Awaitility;

/** Writes dead letters as a consumer's dead-letter handler does, and finds them in the operations API. */
public final class DeadLetterFixtures {

    public static final String SPOD_COMMANDS = "fulfillment.commands.spod.v1";
    public static final String SPOD_DEAD_LETTERS = "fulfillment.commands.spod.v1.dlq.spod-connector";
    public static final String SUBMIT = "hub.command.submit-print-order.v1";

    private DeadLetterFixtures() {
    }

    public static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A command's headers as the orchestrator publishes it. */
    public static List<Header> commandHeaders(String ceId, String type, String order) {
        return List.of(header("ce_specversion", "1.0"), header("ce_id", ceId), header("ce_type", type),
                header("ce_source", "/orchestrator"), header("ce_subject", order),
                header("ce_datacontenttype", "application/json"), header("content-type", "application/json"),
                header("ce_time", "2026-11-23T10:15:30Z"));
    }

    /** The headers SmallRye's dead-letter handler and the kit add, around the original ones, in their order. */
    public static List<Header> deadLetterHeaders(String sourceTopic, String reason, List<Header> original, String kind,
            String group, String heldBy) {
        List<Header> headers = new ArrayList<>(List.of(
                header("dead-letter-exception-class-name", "java.lang.IllegalStateException"),
                header("dead-letter-reason", reason),
                header("dead-letter-cause-class-name", "java.io.IOException"),
                header("dead-letter-cause", "HTTP 422"),
                header("dead-letter-topic", sourceTopic),
                header("dead-letter-partition", "1"),
                header("dead-letter-offset", "17")));
        headers.addAll(original);
        headers.add(header("hub-dead-letter-kind", kind));
        headers.add(header("hub-dead-letter-group", group));
        if (heldBy != null) {
            headers.add(header("hub-held-by", heldBy));
        }
        return headers;
    }

    /** Writes the records to the topic in the order given and waits for the broker's acks. */
    public static List<RecordMetadata> write(String kafka, String topic, List<ProducerRecord<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024),
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            List<RecordMetadata> written = new ArrayList<>();
            for (ProducerRecord<String, byte[]> record : records) {
                written.add(producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(),
                        record.headers())).get(30, TimeUnit.SECONDS));
            }
            return written;
        } catch (Exception e) {
            throw new IllegalStateException("cannot write to " + topic, e);
        }
    }

    public static RecordMetadata write(String kafka, String topic, String key, byte[] value, List<Header> headers) {
        return write(kafka, topic, List.of(new ProducerRecord<>(topic, null, key, value, headers))).get(0);
    }

    /** Waits until the operations API lists that many dead letters of the order, and returns the page. */
    public static JsonPath awaitListed(String order, int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).until(
                () -> given().queryParam("order", order).get("/dead-letters").then().statusCode(200).extract().jsonPath(),
                page -> page.getList("deadLetters").size() == count);
    }
}
