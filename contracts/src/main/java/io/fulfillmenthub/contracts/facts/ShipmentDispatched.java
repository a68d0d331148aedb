package io.fulfillmenthub.contracts.facts;

import static io.fulfillmenthub.contracts.Fields.nonEmpty;
import static io.fulfillmenthub.contracts.Fields.required;
import static io.fulfillmenthub.contracts.Fields.requiredText;

import io.fulfillmenthub.contracts.Fact;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.fulfillmenthub.contracts.model.LineQuantity;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One parcel left the fulfiller: one carrier and tracking number, with the quantity of each order line in it.
 *
 * <p>{@code externalOrderId}: which submission of the fulfillment this is about, when the fulfiller
 * has had more than one ({@link io.fulfillmenthub.contracts.commands.SubmitPrintOrder}); null for the first.
 *
 * <p>{@code service}: the carrier's level of service (e.g. "Priority Mail") where the fulfiller reports one;
 * null where it does not. A storefront that requires one (Squarespace) is given its connector's configured
 * default instead.
 */
public record ShipmentDispatched(
        String hubOrderId,
        String fulfillmentId,
        Fulfiller fulfiller,
        String carrier,
        String trackingNumber,
        @Nullable String trackingUrl,
        List<LineQuantity> lines,
        Instant dispatchedAt,
        @Nullable String externalOrderId,
        @Nullable String service) implements Fact {

    /** About the fulfillment's first submission, whose external id at the fulfiller is the fulfillment id. */
    public ShipmentDispatched(String hubOrderId, String fulfillmentId, Fulfiller fulfiller, String carrier,
            String trackingNumber, @Nullable String trackingUrl, List<LineQuantity> lines, Instant dispatchedAt) {
        this(hubOrderId, fulfillmentId, fulfiller, carrier, trackingNumber, trackingUrl, lines, dispatchedAt, null, null);
    }

    /** A parcel whose fulfiller reported no level of service. */
    public ShipmentDispatched(String hubOrderId, String fulfillmentId, Fulfiller fulfiller, String carrier,
            String trackingNumber, @Nullable String trackingUrl, List<LineQuantity> lines, Instant dispatchedAt,
            @Nullable String externalOrderId) {
        this(hubOrderId, fulfillmentId, fulfiller, carrier, trackingNumber, trackingUrl, lines, dispatchedAt,
                externalOrderId, null);
    }

    public ShipmentDispatched {
        requiredText(hubOrderId, "hubOrderId");
        requiredText(fulfillmentId, "fulfillmentId");
        required(fulfiller, "fulfiller");
        requiredText(carrier, "carrier");
        requiredText(trackingNumber, "trackingNumber");
        lines = nonEmpty(lines, "lines");
        required(dispatchedAt, "dispatchedAt");
    }
}
