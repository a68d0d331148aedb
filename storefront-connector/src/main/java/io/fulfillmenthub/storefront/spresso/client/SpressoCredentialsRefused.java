package io.fulfillmenthub.storefront.spresso.client;

import io.fulfillmenthub.kit.failure.TransientFailure;

/**
 * Spresso refused the hub's credentials (401, 403), or none are configured. Not a verdict on the command:
 * it waits, retried with back-off, until an operator fixes {@code hub.spresso.api-token}.
 */
public final class SpressoCredentialsRefused extends RuntimeException implements TransientFailure {

    public SpressoCredentialsRefused(String message) {
        super(message);
    }
}
