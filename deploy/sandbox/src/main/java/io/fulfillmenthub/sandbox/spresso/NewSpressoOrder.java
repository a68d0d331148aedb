package io.fulfillmenthub.sandbox.spresso;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a scenario asks for: the lines of a paid order and how they split into fulfillments.
 *
 * @param fulfillments each fulfillment as the indexes of its lines ({@code [0, 1]}, shipped by a carrier), or as
 *     {@code {"lines": [1], "fulfillmentMethod": "pickup", "fulfillerLocation": "<location id>"}}; every line in
 *     exactly one
 */
public record NewSpressoOrder(
        Long orderNo,
        String email,
        String telephoneNumber,
        SpressoAddress shippingAddress,
        String fulfillerLocation,
        List<Line> lines,
        List<FulfillmentRequest> fulfillments) {

    /** One order line: a variant (by SKU; the id is derived from it unless given) and a quantity. */
    public record Line(String sku, int quantity, String name, String variantId, String upc) {}

    /**
     * One fulfillment as asked for: its line indexes, method and location (null: {@code carrier_delivery}, the order's
     * location). Read from a bare array or an object; what cannot be read is kept as {@code problem}, so the order book
     * refuses it naming the fulfillment.
     */
    public record FulfillmentRequest(List<Integer> lines, String fulfillmentMethod, String fulfillerLocation, String problem) {

        public FulfillmentRequest(List<Integer> lines) {
            this(lines, null, null, null);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static FulfillmentRequest read(JsonNode node) {
            if (node == null || node.isNull()) {
                return new FulfillmentRequest(null, null, null, null);
            }
            JsonNode lines = node.isArray() ? node : node.path("lines");
            if (!node.isArray() && !node.isObject()) {
                return new FulfillmentRequest(null, null, null, "must be an array of line indexes or an object with lines");
            }
            List<Integer> indexes = new ArrayList<>();
            if (!lines.isMissingNode() && !lines.isNull()) {
                if (!lines.isArray()) {
                    return new FulfillmentRequest(null, null, null, "lines: must be an array of line indexes");
                }
                for (JsonNode index : lines) {
                    if (!index.isInt()) {
                        return new FulfillmentRequest(null, null, null, "lines: " + index + " is not a line index");
                    }
                    indexes.add(index.intValue());
                }
            }
            String method = null;
            String location = null;
            if (node.isObject()) {
                JsonNode m = node.get("fulfillmentMethod");
                JsonNode l = node.get("fulfillerLocation");
                if (m != null && !m.isNull() && !m.isTextual()) {
                    return new FulfillmentRequest(null, null, null, "fulfillmentMethod: must be a string");
                }
                if (l != null && !l.isNull() && (!l.isTextual() || l.asText().isBlank())) {
                    return new FulfillmentRequest(null, null, null, "fulfillerLocation: must be a non-blank string");
                }
                method = m == null || m.isNull() ? null : m.asText();
                location = l == null || l.isNull() ? null : l.asText();
            }
            return new FulfillmentRequest(indexes, method, location, null);
        }
    }
}
