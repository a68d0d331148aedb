package io.fulfillmenthub.ingest.rest;

/**
 * The body of an accepted webhook: {@code status} is {@code accepted}, or {@code duplicate} when an
 * earlier delivery of it was already stored; {@code id} is the CloudEvent id it carries on the topic.
 */
public record WebhookReceipt(String status, String id) {
}
