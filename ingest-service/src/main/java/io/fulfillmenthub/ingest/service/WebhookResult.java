package io.fulfillmenthub.ingest.service;

/** What became of one webhook delivery. */
public sealed interface WebhookResult {

    /**
     * Stored on the broker, now or by an earlier delivery of the same webhook.
     *
     * @param id the CloudEvent id it was published under
     */
    record Accepted(String id, boolean duplicate) implements WebhookResult {
    }

    /** Refused as sent; nothing was published, and sending it again will not help. */
    record Rejected(Rejection reason, String message) implements WebhookResult {
    }

    /** Valid, but the broker did not acknowledge it in time; the vendor should send it again. */
    record Unavailable(String message) implements WebhookResult {
    }
}
