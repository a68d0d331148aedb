package io.fulfillmenthub.storefront.squarespace.translate;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillmenthub.contracts.MessageIds;
import io.fulfillmenthub.contracts.commands.AddShipment;
import io.fulfillmenthub.storefront.squarespace.client.FulfillOrderRequest;
import io.fulfillmenthub.storefront.squarespace.client.SquarespaceClient;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/** A hub shipment as Squarespace's fulfillment request, and how to recognise it on the order afterwards. */
public final class SquarespaceShipmentMapper {

    private static final Logger LOG = Logger.getLogger(SquarespaceShipmentMapper.class);

    private SquarespaceShipmentMapper() {
    }

    /**
     * One shipment: {@code shipDate} the dispatch time (ISO 8601 UTC), {@code carrierName} the fulfiller's carrier,
     * {@code service} the reported level of service or {@code defaultService}, the tracking number, and the tracking
     * URL unless it is not a valid URL (Squarespace refuses the whole call for it; left out, logged).
     */
    public static FulfillOrderRequest request(AddShipment command, boolean notifyCustomer, String defaultService) {
        String service = command.service() == null || command.service().isBlank() ? defaultService : command.service();
        return new FulfillOrderRequest(notifyCustomer, List.of(new FulfillOrderRequest.Shipment(
                SquarespaceClient.iso(command.shippedAt()), command.carrier(), service, command.trackingNumber(),
                trackingUrl(command))));
    }

    /**
     * The {@code Idempotency-Key} (at most 64 of letters, digits, {@code -}, {@code _}), derived from the hub's
     * shipment id: harmless where Squarespace does not honour it.
     */
    public static String idempotencyKey(String shipmentId) {
        return MessageIds.derive(shipmentId, "squarespace-fulfillment");
    }

    /** Whether the order (as read) already holds a shipment with this tracking number in its {@code fulfillments}. */
    public static boolean holdsShipment(JsonNode order, String trackingNumber) {
        for (JsonNode fulfillment : order.path("fulfillments")) {
            if (trackingNumber.equals(fulfillment.path("trackingNumber").asText(null))) {
                return true;
            }
        }
        return false;
    }

    private static String trackingUrl(AddShipment command) {
        String url = command.trackingUrl();
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return url.strip();
            }
        } catch (URISyntaxException invalid) {
            // left out below
        }
        LOG.warnf("shipment %s of %s: tracking URL '%s' is not a valid URL; sent to Squarespace without it",
                command.shipmentId(), command.hubOrderId(), url);
        return null;
    }
}
