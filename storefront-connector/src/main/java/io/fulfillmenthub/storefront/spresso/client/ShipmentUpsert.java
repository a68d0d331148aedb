package io.fulfillmenthub.storefront.spresso.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The body of {@code PUT /v1/fulfillments/{fulfillmentId}/shipments}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShipmentUpsert(
        String carrier,
        String carrierReferenceId,
        String trackingNumber,
        String trackingUrl,
        String status,
        List<ShipmentVariant> shipmentVariants) {

    public record ShipmentVariant(String variant, int quantity) {
    }
}
