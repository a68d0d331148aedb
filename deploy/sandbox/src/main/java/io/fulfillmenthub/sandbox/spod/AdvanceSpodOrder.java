package io.fulfillmenthub.sandbox.spod;

import java.util.List;

/**
 * {@code POST /_sandbox/spod/orders/{id}/advance}: the state SPOD moves the order to, and for
 * {@code sent} the parcels (default: one parcel with every item and a generated UPS tracking number).
 */
public record AdvanceSpodOrder(String state, List<Parcel> shipments) {

    /** One parcel; without items it holds every item of the order. */
    public record Parcel(String carrier, String trackingNumber, String trackingUrl, List<Item> items) {}

    public record Item(String stockKeepingUnit, Integer quantity) {}
}
