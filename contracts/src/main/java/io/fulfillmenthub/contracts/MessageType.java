package io.fulfillmenthub.contracts;

/**
 * One kind of message: its CloudEvent type ({@code hub.<family>.<name>.v1}), the record that is its
 * data, and the topic it travels on.
 */
public record MessageType<T extends HubMessage>(String ceType, Class<T> dataClass, String topic) {

    /** The file name of this type's JSON Schema, under {@code schemas/} on the classpath. */
    public String schemaFile() {
        return ceType + ".schema.json";
    }
}
