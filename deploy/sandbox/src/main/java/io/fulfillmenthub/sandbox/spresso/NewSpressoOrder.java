package io.fulfillmenthub.sandbox.spresso;

import java.util.List;

/**
 * What a scenario asks for: the lines of a paid order and how they split into fulfillments.
 *
 * @param fulfillments each fulfillment as the indexes of its lines; every line in exactly one
 */
public record NewSpressoOrder(
        Long orderNo,
        String email,
        String telephoneNumber,
        SpressoAddress shippingAddress,
        String fulfillerLocation,
        List<Line> lines,
        List<List<Integer>> fulfillments) {

    /** One order line: a variant (by SKU; the id is derived from it unless given) and a quantity. */
    public record Line(String sku, int quantity, String name, String variantId, String upc) {}
}
