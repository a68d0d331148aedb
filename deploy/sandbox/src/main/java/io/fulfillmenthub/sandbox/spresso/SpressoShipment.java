package io.fulfillmenthub.sandbox.spresso;

import java.util.List;

/**
 * One shipment of a fulfillment: one carrier and one tracking number, some of its variants.
 *
 * @param shippedEmails how many "shipped" e-mails the customer got for it: one per call setting {@code shipped}
 */
public record SpressoShipment(
        String carrier,
        String carrierReferenceId,
        String trackingNumber,
        String trackingUrl,
        String status,
        List<Variant> shipmentVariants,
        String createdAt,
        String updatedAt,
        int shippedEmails) {

    /** A variant id and a quantity. */
    public record Variant(String variant, int quantity) {}
}
