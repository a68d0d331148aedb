package io.fulfillmenthub.bench;

/**
 * The hub's fulfillment id, {@code spresso:<Spresso order id>:<Spresso fulfillment id>} (docs/first-channel.md),
 * is SPOD's external-order-id: it joins what SPOD received with what Spresso sent and received.
 */
final class HubIds {

    private HubIds() {
    }

    static String sourceOrderId(String hubFulfillmentId) {
        return part(hubFulfillmentId, 1);
    }

    static String sourceFulfillmentId(String hubFulfillmentId) {
        return part(hubFulfillmentId, 2);
    }

    private static String part(String hubFulfillmentId, int index) {
        String[] parts = hubFulfillmentId.split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a hub fulfillment id: " + hubFulfillmentId);
        }
        return parts[index];
    }
}
