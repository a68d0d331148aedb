package io.fulfillmenthub.ingest.service;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillmenthub.contracts.HubOrderId;
import io.fulfillmenthub.contracts.MessageIds;
import io.fulfillmenthub.contracts.Topics;
import io.fulfillmenthub.ingest.config.IngestConfig;
import io.fulfillmenthub.ingest.source.FieldLocation;
import io.fulfillmenthub.ingest.source.StrictJson;
import io.fulfillmenthub.ingest.source.UnreadableBody;
import io.fulfillmenthub.ingest.source.WebhookSource;
import io.fulfillmenthub.kit.messaging.CloudEventRecords;
import io.fulfillmenthub.kit.messaging.HubPublisher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * Takes in a webhook of a configured source: checks size, content type, signature (over the raw bytes,
 * else over another form of the parsed body if the source's scheme has one) and body, in that order, then
 * publishes the body unchanged on {@value Topics#INBOUND} and reports it accepted only once the broker has
 * acknowledged it. Knows where each source keeps its ids, not what the webhook means.
 */
@ApplicationScoped
public class WebhookIntake {

    private static final Logger LOG = Logger.getLogger(WebhookIntake.class);

    @Inject
    IngestConfig config;

    @Inject
    HubPublisher publisher;

    @Inject
    AcceptedDeliveries acceptedDeliveries;

    @Inject
    WebhookMetrics metrics;

    @Inject
    StrictJson json;

    /**
     * @param contentType the request's {@code Content-Type}, null when absent
     * @param headers the request's headers by name, null for an absent one
     * @param body the raw body, as received
     */
    public Uni<WebhookResult> receive(WebhookSource source, String contentType, UnaryOperator<String> headers, byte[] body) {
        if (body.length > config.maxBodyBytes()) {
            return rejected(source, Rejection.BODY_TOO_LARGE, tooLarge(body.length, config.maxBodyBytes()));
        }
        if (!source.bodyFormat().accepts(contentType)) {
            return rejected(source, Rejection.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be " + source.bodyFormat().mediaType()
                    + ", was " + (contentType == null ? "absent" : "'" + contentType + "'"));
        }
        String signature = headers.apply(source.signatureHeader());
        if (signature == null || signature.isBlank()) {
            return rejected(source, Rejection.INVALID_SIGNATURE, "header " + source.signatureHeader() + " is missing");
        }
        boolean rawMatched = source.verifier().matchesRaw(body, signature);
        JsonNode webhook;
        try {
            webhook = source.bodyFormat().read(body, json.reader());
        } catch (StreamConstraintsException e) {
            return rawMatched ? rejected(source, Rejection.INVALID_JSON, "body is " + StrictJson.describe(e)) : signatureRefused(source);
        } catch (UnreadableBody e) {
            return rawMatched ? rejected(source, switch (e.problem()) {
                case INVALID_FORM -> Rejection.INVALID_FORM;
                case MISSING_FIELD -> Rejection.MISSING_FIELD;
                case INVALID_JSON -> Rejection.INVALID_JSON;
            }, e.getMessage()) : signatureRefused(source);
        } catch (JsonProcessingException e) {
            return rawMatched ? rejected(source, Rejection.INVALID_JSON, "body is not JSON: " + describe(e)) : signatureRefused(source);
        } catch (IOException e) {
            return rawMatched ? rejected(source, Rejection.INVALID_JSON, "body is not JSON: " + e.getMessage()) : signatureRefused(source);
        }
        if (rawMatched) {
            metrics.signatureMatched(source.name(), SignatureForm.RAW);
        } else if (webhook != null && source.verifier().matchesParsed(webhook, signature)) {
            metrics.signatureMatched(source.name(), SignatureForm.COMPACT);
        } else {
            return signatureRefused(source);
        }
        if (webhook == null || !webhook.isObject()) {
            return rejected(source, Rejection.INVALID_JSON, "body is not a JSON object");
        }
        String orderId;
        if (source.orderId() instanceof FieldLocation.InHeader inHeader) {
            orderId = headers.apply(inHeader.header());
            if (orderId == null || orderId.isBlank()) {
                return rejected(source, Rejection.MISSING_FIELD, "header " + inHeader.header() + " is missing");
            }
            if (!VendorIds.wellFormed(orderId)) {
                return rejected(source, Rejection.INVALID_FIELD, "header " + inHeader.header() + " must be " + VendorIds.RULE);
            }
        } else {
            FieldLocation.InBody field = (FieldLocation.InBody) source.orderId();
            JsonNode node = webhook;
            for (int depth = 0; depth < field.steps().size(); depth++) {
                if (depth > 0 && !node.isObject()) {
                    return rejected(source, Rejection.INVALID_FIELD, field.nameUpTo(depth) + " must be an object");
                }
                node = node.get(field.steps().get(depth));
                if (node == null || node.isNull()) {
                    return rejected(source, Rejection.MISSING_FIELD, field.name() + " is missing");
                }
            }
            if (!(node.isTextual() || node.isIntegralNumber()) || node.asText().isBlank()) {
                return rejected(source, Rejection.INVALID_FIELD, field.name() + " must be a non-blank string");
            }
            orderId = node.asText();
            if (!VendorIds.wellFormed(orderId)) {
                return rejected(source, Rejection.INVALID_FIELD, field.name() + " must be " + VendorIds.RULE);
            }
        }
        String given;
        try {
            given = givenDeliveryId(source, webhook, headers);
        } catch (IllegalArgumentException notAnId) {
            return rejected(source, Rejection.INVALID_FIELD, notAnId.getMessage());
        }
        String deliveryId = given != null ? given : sha256(body);
        String digest = sha256(source.verifier().deliveryContent(body, webhook));
        return publish(source, deliveryId, digest, key(source, webhook, orderId), body);
    }

    /**
     * The record's key and subject: the hub order id a webhook names (the text up to the last {@code :} of the
     * source's hub-order-id field, when that holds one), else {@code <key prefix>:<order id>}.
     */
    static String key(WebhookSource source, JsonNode webhook, String orderId) {
        if (source.hubOrderId().isPresent()) {
            JsonNode node = webhook;
            for (String step : source.hubOrderId().get().steps()) {
                node = node == null || !node.isObject() ? null : node.get(step);
            }
            String named = node != null && node.isTextual() ? node.asText() : "";
            int last = named.lastIndexOf(':');
            // a hub order id of another shape is not one the hub made: key it as the source's own
            if (last > 0 && VendorIds.wellFormedHubOrderId(named.substring(0, last))) {
                return named.substring(0, last);
            }
        }
        return HubOrderId.of(source.keyPrefix(), orderId);
    }

    private Uni<WebhookResult> publish(WebhookSource source, String deliveryId, String digest, String hubOrderId, byte[] body) {
        String id = MessageIds.derive(source.name(), deliveryId);
        String known = acceptedDeliveries.digestOf(id);
        if (digest.equals(known)) {
            metrics.duplicate(source.name());
            return Uni.createFrom().item(new WebhookResult.Accepted(id, true));
        }
        if (known != null) {
            return rejected(source, Rejection.DELIVERY_ID_REUSED, "delivery id '" + deliveryId + "' (" + deliveryIdName(source)
                    + ") was already taken with another body; a different webhook needs its own id");
        }
        var record = CloudEventRecords.of(Topics.INBOUND, id, source.cloudEventType(), source.cloudEventSource(),
                Instant.now(), hubOrderId, hubOrderId, body);
        return Uni.createFrom().deferred(() -> publisher.publish(record))
                .ifNoItem().after(config.publishTimeout()).fail()
                .<WebhookResult> map(acked -> {
                    acceptedDeliveries.add(id, digest);
                    metrics.accepted(source.name());
                    return new WebhookResult.Accepted(id, false);
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("%s webhook %s for %s not acknowledged by the broker, answering 503: %s", source.name(), id,
                            hubOrderId, failure.toString());
                    metrics.unavailable(source.name());
                    return new WebhookResult.Unavailable("the webhook could not be stored, send it again later");
                });
    }

    private Uni<WebhookResult> signatureRefused(WebhookSource source) {
        return rejected(source, Rejection.INVALID_SIGNATURE,
                "header " + source.signatureHeader() + " is not the signature of the body with the client secret");
    }

    private Uni<WebhookResult> rejected(WebhookSource source, Rejection reason, String message) {
        LOG.debugf("%s webhook refused, %s: %s", source.name(), reason.code(), message);
        metrics.rejected(source.name(), reason);
        return Uni.createFrom().item(new WebhookResult.Rejected(reason, message));
    }

    /**
     * The delivery id where the source keeps it (a string, or an integer written as text); null when the source
     * has none configured or this webhook lacks it, and the SHA-256 of the body stands in.
     *
     * @throws IllegalArgumentException naming the field when it is there but not an id
     */
    static String givenDeliveryId(WebhookSource source, JsonNode webhook, UnaryOperator<String> headers) {
        String given = null;
        if (source.deliveryId().orElse(null) instanceof FieldLocation.InHeader inHeader) {
            given = headers.apply(inHeader.header());
        } else if (source.deliveryId().orElse(null) instanceof FieldLocation.InBody field) {
            JsonNode node = webhook;
            for (String step : field.steps()) {
                node = node == null || !node.isObject() ? null : node.get(step);
            }
            if (node != null && !node.isNull() && !node.isTextual() && !node.isIntegralNumber()) {
                throw new IllegalArgumentException(field.name() + " must be a string");
            }
            given = node == null || node.isNull() ? null : node.asText();
        }
        if (given == null || given.isBlank()) {
            return null;
        }
        if (!VendorIds.wellFormed(given)) {
            throw new IllegalArgumentException(deliveryIdName(source) + " must be " + VendorIds.RULE);
        }
        return given;
    }

    private static String deliveryIdName(WebhookSource source) {
        FieldLocation location = source.deliveryId().orElse(null);
        if (location instanceof FieldLocation.InHeader inHeader) {
            return "header " + inHeader.header();
        }
        return location instanceof FieldLocation.InBody field ? field.name() : "the SHA-256 of the body";
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    public static String tooLarge(long length, long limit) {
        return "body is " + length + " bytes, over the limit of " + limit + " bytes";
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        return location == null ? e.getOriginalMessage()
                : e.getOriginalMessage() + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
