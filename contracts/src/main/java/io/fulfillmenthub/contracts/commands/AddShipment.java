package io.fulfillmenthub.contracts.commands;

import static io.fulfillmenthub.contracts.Fields.nonEmpty;
import static io.fulfillmenthub.contracts.Fields.required;
import static io.fulfillmenthub.contracts.Fields.requiredText;

import io.fulfillmenthub.contracts.Command;
import io.fulfillmenthub.contracts.model.LineQuantity;
import io.fulfillmenthub.contracts.model.Storefront;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Tell the storefront about one shipment. {@code sourceFulfillmentId} is the storefront's own
 * fulfillment where it has one (Spresso). {@code shipmentId} is the hub's id of the shipment, the key
 * that makes the call safe to repeat where the storefront's API is not.
 *
 * <p>{@code service}: the carrier's level of service as the fulfiller reported it, null when it reported none
 * (the storefront's connector then applies its configured default where the storefront requires one).
 */
public record AddShipment(
        String hubOrderId,
        Storefront storefront,
        String sourceOrderId,
        @Nullable String sourceFulfillmentId,
        String shipmentId,
        String carrier,
        String trackingNumber,
        @Nullable String trackingUrl,
        List<LineQuantity> lines,
        Instant shippedAt,
        Boolean notifyCustomer,
        @Nullable String service) implements Command {

    /** A shipment whose fulfiller reported no level of service. */
    public AddShipment(String hubOrderId, Storefront storefront, String sourceOrderId,
            @Nullable String sourceFulfillmentId, String shipmentId, String carrier, String trackingNumber,
            @Nullable String trackingUrl, List<LineQuantity> lines, Instant shippedAt, Boolean notifyCustomer) {
        this(hubOrderId, storefront, sourceOrderId, sourceFulfillmentId, shipmentId, carrier, trackingNumber,
                trackingUrl, lines, shippedAt, notifyCustomer, null);
    }

    public AddShipment {
        requiredText(hubOrderId, "hubOrderId");
        required(notifyCustomer, "notifyCustomer");
        required(storefront, "storefront");
        requiredText(sourceOrderId, "sourceOrderId");
        requiredText(shipmentId, "shipmentId");
        requiredText(carrier, "carrier");
        requiredText(trackingNumber, "trackingNumber");
        lines = nonEmpty(lines, "lines");
        required(shippedAt, "shippedAt");
    }
}
