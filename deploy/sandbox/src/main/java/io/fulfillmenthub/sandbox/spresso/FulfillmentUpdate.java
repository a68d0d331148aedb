package io.fulfillmenthub.sandbox.spresso;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@code PUT /v1/fulfillments/{id}} body: a status, with the fulfilled quantity of every variant
 * when it is {@code in_transit}. Whether those variants are the fulfillment's is checked by the order.
 */
public record FulfillmentUpdate(
        SpressoFulfillmentStatus status,
        List<SpressoOrderJson.FulfilledVariant> fulfillmentVariants,
        String externalOrderId,
        String externalOrderStatus) {

    static FulfillmentUpdate from(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw SpressoApiException.invalid("body: must be a JSON object");
        }
        String wire = SpressoJsonFields.requiredText(body, "status");
        SpressoFulfillmentStatus status = SpressoFulfillmentStatus.byWire(wire)
                .orElseThrow(() -> SpressoApiException.invalid(
                        "status: must be one of " + SpressoFulfillmentStatus.allWire()));
        List<SpressoOrderJson.FulfilledVariant> fulfilled = null;
        if (status == SpressoFulfillmentStatus.IN_TRANSIT) {
            JsonNode variants = body.get("fulfillmentVariants");
            if (variants == null || !variants.isArray() || variants.isEmpty()) {
                throw SpressoApiException.invalid(
                        "fulfillmentVariants: is required for in_transit and must list every variant");
            }
            fulfilled = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < variants.size(); i++) {
                String at = "fulfillmentVariants[" + i + "]";
                JsonNode entry = variants.get(i);
                String variant = SpressoJsonFields.requiredText(entry, "variant", at + ".variant");
                int quantity = SpressoJsonFields.integer(entry, "fulfilledQuantity", at + ".fulfilledQuantity", 0);
                if (!seen.add(variant)) {
                    throw SpressoApiException.invalid(at + ".variant: " + variant + " is listed twice");
                }
                fulfilled.add(new SpressoOrderJson.FulfilledVariant(variant, quantity));
            }
        }
        return new FulfillmentUpdate(status, fulfilled,
                SpressoJsonFields.optionalText(body, "externalOrderId"),
                SpressoJsonFields.optionalText(body, "externalOrderStatus"));
    }
}
