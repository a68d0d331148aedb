package io.fulfillmenthub.kit.messaging;

import io.fulfillmenthub.contracts.CloudEventHeaders;
import io.fulfillmenthub.contracts.Envelope;
import io.fulfillmenthub.contracts.HubJson;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Builds the Kafka records the hub publishes: binary-mode CloudEvents (CloudEvents Kafka protocol
 * binding) with the data as the value and the hub order id as the key. The headers are the ones
 * SmallRye's Kafka connector writes for outgoing CloudEvent metadata, in the same form, so its
 * incoming side (and any CloudEvents SDK) reads them: {@code ce_specversion}, {@code ce_id},
 * {@code ce_type}, {@code ce_source}, {@code ce_subject} when there is one, the data content type as
 * {@code ce_datacontenttype} and {@code content-type}, and {@code ce_time} in RFC 3339.
 */
public final class CloudEventRecords {

    private static final String DATA_CONTENT_TYPE = "ce_datacontenttype";
    private static final byte[] SPEC_VERSION = bytes(CloudEventHeaders.SPEC_VERSION_1_0);
    private static final byte[] JSON = bytes(CloudEventHeaders.JSON);

    private CloudEventRecords() {
    }

    /** A hub message (fact, command, lifecycle event) with its attributes from the envelope. */
    public static ProducerRecord<String, byte[]> of(Envelope<?> envelope) {
        return of(envelope.topic(), envelope.id(), envelope.type(), envelope.source(), envelope.time(),
                envelope.subject(), envelope.key(), HubJson.write(envelope.data()));
    }

    /**
     * Any JSON payload, e.g. a vendor webhook passed on unchanged.
     *
     * @param subject the hub order id where one is known, else null
     * @param key the Kafka key; the hub order id where one is known
     */
    public static ProducerRecord<String, byte[]> of(String topic, String id, String type, URI source, Instant time,
            String subject, String key, byte[] data) {
        var headers = new RecordHeaders();
        headers.add(CloudEventHeaders.SPEC_VERSION, SPEC_VERSION);
        headers.add(CloudEventHeaders.ID, bytes(id));
        headers.add(CloudEventHeaders.TYPE, bytes(type));
        headers.add(CloudEventHeaders.SOURCE, bytes(source.toString()));
        if (subject != null) {
            headers.add(CloudEventHeaders.SUBJECT, bytes(subject));
        }
        headers.add(DATA_CONTENT_TYPE, JSON);
        headers.add(CloudEventHeaders.CONTENT_TYPE, JSON);
        headers.add(CloudEventHeaders.TIME, bytes(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.atOffset(ZoneOffset.UTC))));
        return new ProducerRecord<>(topic, null, null, key, data, headers);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
