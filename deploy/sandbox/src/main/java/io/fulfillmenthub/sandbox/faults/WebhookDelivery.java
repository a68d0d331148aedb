package io.fulfillmenthub.sandbox.faults;

/**
 * One delivery of a webhook a vendor sends, as the vendor's sender hands it to {@link WebhookFaults}.
 * Each call reports the fault's effect (null when none): {@code duplicated}, {@code reordered},
 * {@code dropped}, {@code held}.
 */
public interface WebhookDelivery {

    /** Sends it now and records what the receiver answered. Blocking. */
    void send(String faultEffect);

    /** Records that it was not sent (now). */
    void withhold(String faultEffect);
}
