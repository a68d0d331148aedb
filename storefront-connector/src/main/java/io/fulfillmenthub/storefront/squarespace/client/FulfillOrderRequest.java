package io.fulfillmenthub.storefront.squarespace.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of {@code POST /1.0/commerce/orders/{id}/fulfillments}, in the shape of Squarespace's request example
 * ({@code shared/vendor-fixtures/squarespace/fulfill-order-request.json}). Without shipments ({@code null}) the
 * field is left out: the order is marked fulfilled and nothing is added.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FulfillOrderRequest(boolean shouldSendNotification, List<Shipment> shipments) {

    /** {@code trackingUrl} is optional and left out when absent; the rest is required. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Shipment(String shipDate, String carrierName, String service, String trackingNumber, String trackingUrl) {
    }
}
