package io.fulfillmenthub.sandbox.spresso;

/** How a control call delivers its webhook: how many times, and with which eventId (new when absent). */
public record WebhookDeliveryOptions(Integer times, String eventId) {

    int deliveries() {
        return times == null ? 1 : times;
    }
}
