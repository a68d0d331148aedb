package io.fulfillmenthub.ingest.rest;

/** The body of every refused webhook, e.g. {@code {"error":"invalid_signature","message":"..."}}. */
public record WebhookError(String error, String message) {
}
