package io.fulfillmenthub.kit.messaging;

import io.fulfillmenthub.contracts.CloudEventHeaders;
import io.fulfillmenthub.contracts.Envelope;
import io.fulfillmenthub.contracts.HubJson;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Builds outgoing Kafka messages as binary-mode CloudEvents: the connector writes the {@code ce_*}
 * headers from the CloudEvent metadata, the key is the hub order id.
 */
public final class CloudEventMessages {

    private CloudEventMessages() {
    }

    /** A hub message (fact, command, lifecycle event) with its attributes from the envelope. */
    public static Message<byte[]> of(Envelope<?> envelope) {
        return of(envelope.topic(), envelope.id(), envelope.type(), envelope.source(), envelope.time(),
                envelope.subject(), envelope.key(), HubJson.write(envelope.data()));
    }

    /**
     * Any payload, e.g. a vendor webhook passed on unchanged.
     *
     * @param topic where the record goes, whatever the channel's default topic
     * @param subject the hub order id where one is known, else null
     * @param key the Kafka key; the hub order id where one is known
     */
    public static Message<byte[]> of(String topic, String id, String type, URI source, Instant time, String subject, String key,
            byte[] data) {
        var cloudEvent = OutgoingCloudEventMetadata.<byte[]>builder()
                .withId(id)
                .withType(type)
                .withSource(source)
                .withTimestamp(time.atZone(ZoneOffset.UTC))
                .withDataContentType(CloudEventHeaders.JSON);
        if (subject != null) {
            cloudEvent.withSubject(subject);
        }
        var kafka = OutgoingKafkaRecordMetadata.<String>builder().withTopic(topic).withKey(key).build();
        return Message.of(data, Metadata.of(cloudEvent.build(), kafka));
    }
}
