package io.fulfillmenthub.storefront.spresso.translate;

import io.fulfillmenthub.contracts.commands.AddShipment;
import io.fulfillmenthub.contracts.commands.UpdateStorefrontFulfillmentStatus;
import io.fulfillmenthub.storefront.spresso.client.FulfillmentUpdate;
import io.fulfillmenthub.storefront.spresso.client.ShipmentUpsert;
import java.util.List;

/** Hub commands as Spresso request bodies (docs/first-channel.md, Spresso API calls). */
public final class SpressoCommandMapper {

    private SpressoCommandMapper() {
    }

    /** The Spresso fulfillment a command is about: Spresso names every fulfillment itself. */
    public static String fulfillmentId(String sourceFulfillmentId, String commandName) {
        if (sourceFulfillmentId == null || sourceFulfillmentId.isBlank()) {
            throw new UnexecutableCommandException(commandName + " for Spresso needs sourceFulfillmentId");
        }
        return sourceFulfillmentId;
    }

    /**
     * The shipment upsert: carrier as Spresso's code ({@link SpressoCarriers}), the tracking number as the
     * carrier's reference id (Spresso: "the carrier's reference id", not a hub id), status {@code shipped};
     * lines with quantity 0 are not in the shipment.
     */
    public static ShipmentUpsert shipment(AddShipment command, String carrierCode) {
        List<ShipmentUpsert.ShipmentVariant> variants = command.lines().stream()
                .filter(line -> line.quantity() > 0)
                .map(line -> new ShipmentUpsert.ShipmentVariant(line.lineId(), line.quantity()))
                .toList();
        if (variants.isEmpty()) {
            throw new UnexecutableCommandException("AddShipment " + command.shipmentId() + " ships no line with a quantity above 0");
        }
        return new ShipmentUpsert(carrierCode, command.trackingNumber(), command.trackingNumber(), command.trackingUrl(),
                "shipped", variants);
    }

    /** {@code in_transit} with every line and its fulfilled quantity (0 included); any other status alone. */
    public static FulfillmentUpdate fulfillmentUpdate(UpdateStorefrontFulfillmentStatus command) {
        return switch (command.status()) {
            case RECEIVED_BY_FULFILLER -> FulfillmentUpdate.progress("received_by_fulfiller");
            case PREPARING_ITEMS -> FulfillmentUpdate.progress("preparing_items");
            case IN_TRANSIT -> FulfillmentUpdate.inTransit(command.fulfilledLines().stream()
                    .map(line -> new FulfillmentUpdate.FulfilledVariant(line.lineId(), line.quantity()))
                    .toList());
            case DELIVERED -> FulfillmentUpdate.delivered();
        };
    }
}
