package io.fulfillmenthub.sandbox.spresso;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /_sandbox/spresso/orders}: a paid order and how its webhook is delivered. Fulfillments
 * are given as line indexes ({@code [[0], [1, 2]]}, carrier delivery), each possibly as an object with a method
 * and a location ({@code {"lines": [1], "fulfillmentMethod": "pickup", "fulfillerLocation": "<id>"}}), or by
 * {@code split}: {@code single} (default, one fulfillment) or {@code per-line}. {@code times} deliveries share
 * one eventId.
 */
public record PlaceSpressoOrder(
        Long orderNo,
        String email,
        String telephoneNumber,
        SpressoAddress shippingAddress,
        String fulfillerLocation,
        List<NewSpressoOrder.Line> lines,
        List<NewSpressoOrder.FulfillmentRequest> fulfillments,
        String split,
        Integer times,
        String eventId) {

    static final int MAX_TIMES = 20;

    int deliveries() {
        return times == null ? 1 : times;
    }

    NewSpressoOrder toNewOrder() {
        List<NewSpressoOrder.FulfillmentRequest> groups = fulfillments;
        if ((groups == null || groups.isEmpty()) && "per-line".equals(split) && lines != null) {
            groups = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                groups.add(new NewSpressoOrder.FulfillmentRequest(List.of(i)));
            }
        } else if (split != null && !"single".equals(split) && !"per-line".equals(split)) {
            throw new IllegalArgumentException("split: must be single or per-line");
        }
        return new NewSpressoOrder(orderNo, email, telephoneNumber, shippingAddress, fulfillerLocation, lines, groups);
    }
}
