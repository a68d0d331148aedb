package io.fulfillmenthub.pos.lightspeed.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fulfillmenthub.contracts.HubJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A sale as the connector reads it, from either API shape (1.0 {@code register_sale}, 2.0 {@code data}): only
 * {@code id} is required; {@code status}, {@code source_id} and {@code version} are read when present (other
 * fields are left alone, so new ones change nothing). {@code raw} is the sale object as Lightspeed sent it.
 */
public record LightspeedSale(String id, String status, String sourceId, long version, ObjectNode raw) {

    public static final String AWAITING_PICKUP = "AWAITING_PICKUP";
    public static final String AWAITING_DISPATCH = "AWAITING_DISPATCH";
    public static final String PICKED_UP_CLOSED = "PICKED_UP_CLOSED";
    public static final String DISPATCHED_CLOSED = "DISPATCHED_CLOSED";
    public static final String VOIDED = "VOIDED";

    /** Handed over to the customer: collected or dispatched. */
    public boolean handedOver() {
        return PICKED_UP_CLOSED.equals(status) || DISPATCHED_CLOSED.equals(status);
    }

    public boolean voided() {
        return VOIDED.equals(status);
    }

    /** Reads a sale object; {@code where} names it in errors, e.g. {@code register_sale}. */
    public static LightspeedSale read(String call, JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new LightspeedAnswerException(call, "'" + where + "' is missing or not an object");
        }
        JsonNode id = node.get("id");
        if (id == null || !(id.isTextual() || id.isNumber()) || id.asText().isBlank()) {
            throw new LightspeedAnswerException(call, "'" + where + ".id' is missing or not a string");
        }
        return new LightspeedSale(id.asText(), text(node, "status"), text(node, "source_id"), version(call, node, where),
                (ObjectNode) node);
    }

    /** {@code {"register_sale": {...}}}, the answer of {@code POST /api/register_sales}. */
    public static LightspeedSale fromRegisterSale(String call, String body) {
        return read(call, tree(call, body).get("register_sale"), "register_sale");
    }

    /** {@code {"data": {...}}}, the answer of {@code GET /api/2.0/sales/{id}}. */
    public static LightspeedSale fromData(String call, String body) {
        return read(call, tree(call, body).get("data"), "data");
    }

    /** {@code {"data": [...]}}, a page of the change feed {@code GET /api/2.0/sales}. */
    public static List<LightspeedSale> listFromData(String call, String body) {
        JsonNode data = tree(call, body).get("data");
        if (data == null || data.isNull()) {
            return List.of();
        }
        if (!data.isArray()) {
            throw new LightspeedAnswerException(call, "'data' is not an array");
        }
        List<LightspeedSale> sales = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            sales.add(read(call, data.get(i), "data[" + i + "]"));
        }
        return sales;
    }

    /** A webhook's {@code payload} field: the sale as JSON, API 1.0 shape. */
    public static LightspeedSale fromPayload(String payload) {
        return read("the sale.update webhook", tree("the sale.update webhook", payload), "payload");
    }

    static JsonNode tree(String call, String body) {
        if (body == null || body.isBlank()) {
            throw new LightspeedAnswerException(call, "the body is empty");
        }
        try {
            return HubJson.mapper().readTree(body);
        } catch (IOException notJson) {
            throw new LightspeedAnswerException(call, "the body is not JSON (" + notJson.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** A number, or a string of digits; 0 when absent (the feed is then read from its start). */
    private static long version(String call, JsonNode node, String where) {
        JsonNode value = node.get("version");
        if (value == null || value.isNull()) {
            return 0;
        }
        if (value.canConvertToLong()) {
            return value.asLong();
        }
        if (value.isTextual() && value.asText().chars().allMatch(Character::isDigit) && !value.asText().isEmpty()) {
            return Long.parseLong(value.asText());
        }
        throw new LightspeedAnswerException(call, "'" + where + ".version' is not a number");
    }
}
