package io.fulfillmenthub.contracts.facts;

import static io.fulfillmenthub.contracts.Fields.requiredList;
import static io.fulfillmenthub.contracts.Fields.positive;
import static io.fulfillmenthub.contracts.Fields.required;
import static io.fulfillmenthub.contracts.Fields.requiredText;

import io.fulfillmenthub.contracts.Fact;
import io.fulfillmenthub.contracts.model.Fulfiller;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A fulfiller connector met something it must not guess about, and hands it to an operator: the
 * fulfillment goes {@code ON_HOLD} with the reason, and the operations API resolves it. Nothing is
 * dropped: a parcel whose items match no line of the fulfillment comes whole in {@code parcel}.
 *
 * @param reason a stable code: {@code unmatched-shipment} (a parcel whose items match no line),
 *     {@code destination-not-served} (the fulfiller does not ship to the address's country), or
 *     another code a connector documents in its README
 * @param detail what an operator reads, e.g. which stock-keeping unit matched no line
 * @param parcel the parcel as the fulfiller reported it, when the hold is about a parcel
 * @param externalOrderId which submission of the fulfillment this is about, when the fulfiller has had
 *     more than one ({@link io.fulfillmenthub.contracts.commands.SubmitPrintOrder}); null for the first
 */
public record FulfillmentHeld(
        String hubOrderId,
        String fulfillmentId,
        Fulfiller fulfiller,
        String reason,
        @Nullable String detail,
        @Nullable Parcel parcel,
        Instant heldAt,
        @Nullable String externalOrderId) implements Fact {

    public static final String UNMATCHED_SHIPMENT = "unmatched-shipment";
    public static final String DESTINATION_NOT_SERVED = "destination-not-served";

    /** About the fulfillment's first submission, whose external id at the fulfiller is the fulfillment id. */
    public FulfillmentHeld(String hubOrderId, String fulfillmentId, Fulfiller fulfiller, String reason,
            @Nullable String detail, @Nullable Parcel parcel, Instant heldAt) {
        this(hubOrderId, fulfillmentId, fulfiller, reason, detail, parcel, heldAt, null);
    }

    public FulfillmentHeld {
        requiredText(hubOrderId, "hubOrderId");
        requiredText(fulfillmentId, "fulfillmentId");
        required(fulfiller, "fulfiller");
        requiredText(reason, "reason");
        required(heldAt, "heldAt");
    }

    /** A parcel in the fulfiller's own terms: its items by the fulfiller's stock-keeping unit. */
    public record Parcel(
            String carrier,
            String trackingNumber,
            @Nullable String trackingUrl,
            List<Item> items,
            @Nullable Instant dispatchedAt) {

        public Parcel {
            requiredText(carrier, "carrier");
            requiredText(trackingNumber, "trackingNumber");
            items = requiredList(items, "items");
        }
    }

    /** One item of a parcel as the fulfiller named it. */
    public record Item(String vendorSku, int quantity) {

        public Item {
            requiredText(vendorSku, "vendorSku");
            positive(quantity, "quantity");
        }
    }
}
