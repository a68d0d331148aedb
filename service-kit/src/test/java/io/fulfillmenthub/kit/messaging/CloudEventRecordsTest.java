package io.fulfillmenthub.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillmenthub.contracts.CloudEventHeaders;
import io.fulfillmenthub.contracts.Envelope;
import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.contracts.facts.FulfillmentDelivered;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.smallrye.reactive.messaging.kafka.impl.ce.KafkaCloudEventHelper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class CloudEventRecordsTest {

    private static final Instant TIME = Instant.parse("2026-11-30T16:05:07.123456Z");

    @Test
    void aHubMessageBecomesABinaryCloudEventKeyedByItsOrder() {
        var fact = new FulfillmentDelivered("spresso:1", "spresso:1/f-1", Fulfiller.SPOD, Instant.parse("2026-11-23T10:00:00Z"));
        var envelope = new Envelope<>("fact-1", URI.create("/spod-connector"), TIME, fact);

        ProducerRecord<String, byte[]> record = CloudEventRecords.of(envelope);

        assertThat(record.topic()).isEqualTo(envelope.topic());
        assertThat(record.key()).isEqualTo("spresso:1");
        assertThat(record.partition()).isNull();
        assertThat(HubJson.read(record.value(), FulfillmentDelivered.class)).isEqualTo(fact);
        assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, CloudEventHeaders.ID)).isEqualTo("fact-1");
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo(envelope.type());
        assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/spod-connector");
        assertThat(header(record, CloudEventHeaders.SUBJECT)).isEqualTo("spresso:1");
        assertThat(header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(header(record, CloudEventHeaders.TIME)).isEqualTo("2026-11-30T16:05:07.123456Z");
    }

    @Test
    void theKafkaConnectorReadsItBackAsTheSameCloudEvent() {
        byte[] body = "{\"eventId\":\"e-1\"}".getBytes(StandardCharsets.UTF_8);
        ProducerRecord<String, byte[]> sent = CloudEventRecords.of("fulfillment.inbound.v1", "in-1", "hub.inbound.spresso-webhook.v1",
                URI.create("/ingest/spresso"), TIME, null, "spresso:7", body);

        var received = new ConsumerRecord<>(sent.topic(), 2, 41L, 0L, TimestampType.CREATE_TIME, 0, 0, sent.key(), sent.value(),
                sent.headers(), Optional.empty());
        assertThat(KafkaCloudEventHelper.getCloudEventMode(received.headers()))
                .isEqualTo(KafkaCloudEventHelper.CloudEventMode.BINARY);
        var cloudEvent = KafkaCloudEventHelper.<byte[], String>createFromBinaryCloudEvent(received);

        assertThat(cloudEvent.getId()).isEqualTo("in-1");
        assertThat(cloudEvent.getType()).isEqualTo("hub.inbound.spresso-webhook.v1");
        assertThat(cloudEvent.getSource()).isEqualTo(URI.create("/ingest/spresso"));
        assertThat(cloudEvent.getSpecVersion()).isEqualTo("1.0");
        assertThat(cloudEvent.getSubject()).isEmpty();
        assertThat(cloudEvent.getDataContentType()).contains("application/json");
        assertThat(cloudEvent.getTimeStamp()).hasValueSatisfying(time -> assertThat(time.toInstant()).isEqualTo(TIME));
        assertThat(cloudEvent.getKey()).isEqualTo("spresso:7");
        assertThat(sent.value()).isEqualTo(body);
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
