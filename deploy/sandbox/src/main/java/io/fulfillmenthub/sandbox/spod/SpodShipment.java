package io.fulfillmenthub.sandbox.spod;

import java.time.Instant;
import java.util.List;

/** A parcel SPOD sent for an order: one carrier, one tracking number, some of the items. */
public record SpodShipment(String carrier, String trackingNumber, String trackingUrl, Instant sentAt, List<Line> items) {

    /** A stock-keeping unit and how many of it. */
    public record Line(String stockKeepingUnit, int quantity) {}

    SpodOrderDetail.Shipment detail() {
        return new SpodOrderDetail.Shipment(carrier, trackingNumber, trackingUrl, sentAt.toString(),
                items.stream().map(i -> new SpodOrderDetail.Item(i.stockKeepingUnit(), i.quantity())).toList());
    }
}
