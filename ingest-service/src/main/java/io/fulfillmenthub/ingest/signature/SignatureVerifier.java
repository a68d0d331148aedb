package io.fulfillmenthub.ingest.signature;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One signature scheme. The pipeline asks first about the raw bytes (before parsing, so a refusal costs
 * no parse), and only when they do not match and the body parsed, about the parsed body: a scheme that
 * signs only the raw bytes never pays for a second form.
 */
public interface SignatureVerifier {

    /** True when the header signs the body as received. */
    boolean matchesRaw(byte[] body, String header);

    /** True when the header signs another form of the parsed body; asked only after {@link #matchesRaw} said no. */
    default boolean matchesParsed(JsonNode body, String header) {
        return false;
    }

    /**
     * The bytes whose digest tells one webhook from another under the same delivery id: the body as received,
     * unless the scheme accepts another form of it as the same webhook.
     */
    default byte[] deliveryContent(byte[] raw, JsonNode parsed) {
        return raw;
    }

    /** False when no secret is configured: every webhook is refused. */
    boolean hasSecrets();
}
