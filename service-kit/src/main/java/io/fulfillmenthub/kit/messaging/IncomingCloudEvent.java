package io.fulfillmenthub.kit.messaging;

import io.fulfillmenthub.contracts.HubJson;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.net.URI;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A consumed CloudEvent: its attributes, where it came from, and its data as bytes.
 *
 * @param subject the hub order id, or null where the producer knew none
 */
public record IncomingCloudEvent(
        String id,
        String type,
        URI source,
        String subject,
        Instant time,
        String key,
        String topic,
        int partition,
        long offset,
        byte[] data) {

    /** Reads the attributes the Kafka connector parsed from the {@code ce_*} headers. */
    @SuppressWarnings("unchecked")
    public static IncomingCloudEvent from(Message<byte[]> message) {
        IncomingCloudEventMetadata<byte[]> ce = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new HubJson.InvalidMessageException(
                        "not a CloudEvent: the ce_id, ce_type, ce_source and ce_specversion headers are required", null));
        IncomingKafkaRecordMetadata<String, byte[]> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("not a Kafka message"));
        return new IncomingCloudEvent(ce.getId(), ce.getType(), ce.getSource(), ce.getSubject().orElse(null),
                ce.getTimeStamp().map(time -> time.toInstant()).orElse(kafka.getTimestamp()), kafka.getKey(),
                kafka.getTopic(), kafka.getPartition(), kafka.getOffset(), message.getPayload());
    }

    /** The data as the given record; fails with {@link HubJson.InvalidMessageException} naming the bad field. */
    public <T> T data(Class<T> type) {
        return HubJson.read(data, type);
    }

    /** Where to find it again: {@code topic/partition@offset}. */
    public String position() {
        return topic + "/" + partition + "@" + offset;
    }
}
