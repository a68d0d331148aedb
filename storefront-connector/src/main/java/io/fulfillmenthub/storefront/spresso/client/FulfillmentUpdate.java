package io.fulfillmenthub.storefront.spresso.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of {@code PUT /v1/fulfillments/{fulfillmentId}}: {@code in_transit} lists every variant
 * with what was fulfilled of it, {@code delivered} nothing else.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FulfillmentUpdate(String status, List<FulfilledVariant> fulfillmentVariants) {

    public static FulfillmentUpdate inTransit(List<FulfilledVariant> fulfillmentVariants) {
        return new FulfillmentUpdate("in_transit", List.copyOf(fulfillmentVariants));
    }

    /** A status that carries nothing else: {@code received_by_fulfiller}, {@code preparing_items}. */
    public static FulfillmentUpdate progress(String status) {
        return new FulfillmentUpdate(status, null);
    }

    public static FulfillmentUpdate delivered() {
        return new FulfillmentUpdate("delivered", null);
    }

    public record FulfilledVariant(String variant, int fulfilledQuantity) {
    }
}
