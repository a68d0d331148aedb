package io.fulfillmenthub.contracts;

/**
 * CloudEvent types of vendor webhooks on {@link Topics#INBOUND}. Their data is the vendor's payload,
 * byte for byte as received; only the connector of that vendor reads it.
 */
public final class InboundTypes {

    public static final String SPRESSO_WEBHOOK = "hub.inbound.spresso-webhook.v1";
    public static final String SQUARESPACE_WEBHOOK = "hub.inbound.squarespace-webhook.v1";
    public static final String LIGHTSPEED_WEBHOOK = "hub.inbound.lightspeed-webhook.v1";

    private InboundTypes() {
    }
}
