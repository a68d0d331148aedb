package io.fulfillmenthub.sandbox.spresso;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@code PUT /v1/fulfillments/{id}/shipments} body that has the documented fields. Whether its
 * variants belong to the fulfillment is checked by the order.
 */
public record ShipmentUpdate(
        String carrier,
        String carrierReferenceId,
        String trackingNumber,
        String trackingUrl,
        String status,
        List<SpressoShipment.Variant> shipmentVariants) {

    private static final Set<String> STATUSES = Set.of("created", "shipped", "delivered");

    /** @param carriers Spresso's carrier enum as configured ([unknown] beyond {@code ups} and {@code fedex}) */
    static ShipmentUpdate from(JsonNode body, List<String> carriers) {
        if (body == null || !body.isObject()) {
            throw SpressoApiException.invalid("body: must be a JSON object");
        }
        String carrier = SpressoJsonFields.requiredText(body, "carrier");
        if (!carriers.contains(carrier)) {
            throw SpressoApiException.invalid("carrier: must be one of the carrier enum " + String.join(", ", carriers)
                    + "; was \"" + carrier + "\"");
        }
        String carrierReferenceId = SpressoJsonFields.requiredText(body, "carrierReferenceId");
        String trackingNumber = SpressoJsonFields.requiredText(body, "trackingNumber");
        String trackingUrl = SpressoJsonFields.optionalText(body, "trackingUrl");
        if (trackingUrl != null && !isHttpUrl(trackingUrl)) {
            throw SpressoApiException.invalid("trackingUrl: must be an absolute http(s) URL");
        }
        String status = SpressoJsonFields.optionalText(body, "status");
        if (status != null && !STATUSES.contains(status)) {
            throw SpressoApiException.invalid("status: must be one of created, shipped, delivered");
        }
        JsonNode variants = body.get("shipmentVariants");
        if (variants == null || !variants.isArray() || variants.isEmpty()) {
            throw SpressoApiException.invalid("shipmentVariants: is required and must be a non-empty array");
        }
        List<SpressoShipment.Variant> shipmentVariants = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < variants.size(); i++) {
            String at = "shipmentVariants[" + i + "]";
            JsonNode entry = variants.get(i);
            String variant = SpressoJsonFields.requiredText(entry, "variant", at + ".variant");
            int quantity = SpressoJsonFields.integer(entry, "quantity", at + ".quantity", 1);
            if (!seen.add(variant)) {
                throw SpressoApiException.invalid(at + ".variant: " + variant + " is listed twice");
            }
            shipmentVariants.add(new SpressoShipment.Variant(variant, quantity));
        }
        return new ShipmentUpdate(carrier, carrierReferenceId, trackingNumber, trackingUrl, status, shipmentVariants);
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
