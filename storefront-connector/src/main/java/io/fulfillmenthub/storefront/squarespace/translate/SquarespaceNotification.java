package io.fulfillmenthub.storefront.squarespace.translate;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillmenthub.contracts.HubJson;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A Squarespace order notification, as documented: {@code {id, websiteId, subscriptionId, topic, createdOn,
 * data}}; {@code order.create} has {@code data{orderId}}, {@code order.update} {@code data{orderId, update}}
 * with {@code update} one of {@code FULFILLED}, {@code REFUNDED}, {@code CANCELED}, {@code MARKED_PENDING},
 * {@code EMAIL_UPDATED}. Unknown fields are ignored.
 *
 * @param createdOn when Squarespace sent it; null when absent or unreadable
 * @param update null for {@code order.create}
 */
public record SquarespaceNotification(String id, String topic, String orderId, String update, Instant createdOn) {

    public static final String ORDER_CREATE = "order.create";
    public static final String ORDER_UPDATE = "order.update";
    public static final String CANCELED = "CANCELED";

    public static SquarespaceNotification read(byte[] body) {
        JsonNode root;
        try {
            root = HubJson.mapper().readTree(body);
        } catch (IOException e) {
            throw new InvalidSquarespaceDataException("Squarespace notification: the body is not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidSquarespaceDataException("Squarespace notification: the body must be a JSON object");
        }
        JsonNode data = root.path("data");
        return new SquarespaceNotification(text(root, "id", "id"), text(root, "topic", "topic"),
                text(data, "orderId", "data.orderId"), data.path("update").isTextual() ? data.get("update").asText() : null,
                instant(root.path("createdOn")));
    }

    public boolean cancels() {
        return ORDER_UPDATE.equals(topic) && CANCELED.equals(update);
    }

    public boolean aboutAnOrder() {
        return ORDER_CREATE.equals(topic) || ORDER_UPDATE.equals(topic);
    }

    private static String text(JsonNode parent, String field, String path) {
        JsonNode node = parent.path(field);
        if (!node.isTextual() && !node.isIntegralNumber()) {
            throw new InvalidSquarespaceDataException("Squarespace notification: " + path
                    + (node.isMissingNode() || node.isNull() ? " is required" : " must be a string"));
        }
        if (node.asText().isBlank()) {
            throw new InvalidSquarespaceDataException("Squarespace notification: " + path + " must not be blank");
        }
        return node.asText();
    }

    private static Instant instant(JsonNode node) {
        try {
            return node.isTextual() ? OffsetDateTime.parse(node.asText()).toInstant() : null;
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
