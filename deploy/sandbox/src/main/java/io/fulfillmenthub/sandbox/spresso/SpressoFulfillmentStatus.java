package io.fulfillmenthub.sandbox.spresso;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The fulfillment statuses Spresso documents, in the order a fulfillment moves through them. */
public enum SpressoFulfillmentStatus {
    ORDER_PLACED("order_placed"),
    RECEIVED_BY_FULFILLER("received_by_fulfiller"),
    PREPARING_ITEMS("preparing_items"),
    PREPARING_ITEMS_COMPLETE("preparing_items_complete"),
    IN_TRANSIT("in_transit"),
    DELIVERED("delivered");

    private final String wire;

    SpressoFulfillmentStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<SpressoFulfillmentStatus> byWire(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst();
    }

    static String allWire() {
        return Arrays.stream(values()).map(SpressoFulfillmentStatus::wire).collect(Collectors.joining(", "));
    }
}
