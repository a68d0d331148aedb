package io.fulfillmenthub.ingest.source;

import io.fulfillmenthub.ingest.signature.SignatureVerifier;
import java.net.URI;
import java.util.Optional;

/**
 * One configured webhook source, checked: {@code POST /webhooks/<name>}.
 *
 * @param name the source's name, also the prefix of its hub order ids ({@code <name>:<order id>})
 * @param signatureHeader the header carrying the signature
 * @param verifier the source's signature scheme, with its secrets
 * @param deliveryId where the delivery id is; empty, or absent in a webhook: the SHA-256 of the body
 * @param orderId where the source's order id is
 * @param cloudEventType the CloudEvent type of what is published
 * @param cloudEventSource {@code /ingest/<name>}
 * @param bodyFormat how the body is read
 * @param hubOrderId where a hub id of the form {@code <hub order id>:<more>} may be; the key when present
 * @param keyPrefix the key otherwise is {@code <keyPrefix>:<order id>}
 */
public record WebhookSource(String name, String signatureHeader, SignatureVerifier verifier,
        Optional<FieldLocation> deliveryId, FieldLocation orderId, String cloudEventType, URI cloudEventSource,
        BodyFormat bodyFormat, Optional<FieldLocation.InBody> hubOrderId, String keyPrefix) {

    public static final String PATH_PREFIX = "/webhooks/";

    public String path() {
        return PATH_PREFIX + name;
    }
}
