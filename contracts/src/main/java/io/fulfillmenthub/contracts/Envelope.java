package io.fulfillmenthub.contracts;

import static io.fulfillmenthub.contracts.Fields.required;
import static io.fulfillmenthub.contracts.Fields.requiredText;

import java.net.URI;
import java.time.Instant;

/**
 * A hub message with its CloudEvent attributes. The subject and the Kafka key are the hub order id.
 *
 * @param id unique and stable across retries of the same logical message (see {@link MessageIds})
 * @param source the producing service, e.g. {@code /orchestrator}
 */
public record Envelope<T extends HubMessage>(String id, URI source, Instant time, T data) {

    public Envelope {
        requiredText(id, "id");
        required(source, "source");
        required(time, "time");
        required(data, "data");
    }

    public MessageType<T> messageType() {
        return MessageTypes.of(data);
    }

    public String type() {
        return messageType().ceType();
    }

    public String subject() {
        return data.hubOrderId();
    }

    public String key() {
        return data.hubOrderId();
    }

    public String topic() {
        return messageType().topic();
    }
}
