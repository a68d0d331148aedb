package io.fulfillmenthub.spod.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillmenthub.contracts.HubJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One page of {@code GET /orders}. [unknown] SPOD's documentation shows the answer collapsed as {@code {}},
 * so its shape is read tolerantly, here and nowhere else: a bare JSON array of orders, or an object that
 * wraps one: its {@code orders} field, else its one array-valued field, whatever its name ({@code items},
 * {@code data}...), beside which any other fields (a count, the limit, links) are ignored. An object with no
 * array field, or with several and none called {@code orders}, is refused naming its fields: guessing which
 * array holds the orders could skip every change.
 */
public final class SpodOrderList {

    static final String ORDERS = "orders";

    private SpodOrderList() {
    }

    public static List<SpodOrder> read(String body) {
        JsonNode root;
        try {
            root = HubJson.mapper().readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("GET /orders answered something that is not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode list = orders(root);
        List<SpodOrder> orders = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            try {
                orders.add(HubJson.mapper().treeToValue(list.get(i), SpodOrder.class));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("GET /orders: order [" + i + "] cannot be read: " + e.getOriginalMessage(), e);
            }
        }
        return orders;
    }

    private static JsonNode orders(JsonNode root) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new IllegalArgumentException("GET /orders answered an empty body");
        }
        if (root.isArray()) {
            return root;
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("GET /orders answered " + root.getNodeType() + ", not a list of orders");
        }
        if (root.path(ORDERS).isArray()) {
            return root.get(ORDERS);
        }
        List<String> arrays = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            fields.add(field.getKey());
            if (field.getValue().isArray()) {
                arrays.add(field.getKey());
            }
        }
        if (arrays.size() == 1) {
            return root.get(arrays.get(0));
        }
        throw new IllegalArgumentException("GET /orders answered an object with " + (arrays.isEmpty() ? "no" : arrays.size())
                + " array fields " + arrays + " (fields " + fields + "): cannot tell which holds the orders");
    }
}
