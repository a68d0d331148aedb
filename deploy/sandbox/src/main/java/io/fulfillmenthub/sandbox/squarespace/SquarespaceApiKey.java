package io.fulfillmenthub.sandbox.squarespace;

import io.fulfillmenthub.sandbox.config.SandboxConfig;
import io.fulfillmenthub.sandbox.vendor.BearerCredential;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The store's API key ({@code sandbox.squarespace.api-key}), presented as {@code Authorization: Bearer <key>}.
 * Squarespace also takes OAuth tokens; the sandbox plays the API key only.
 */
@ApplicationScoped
class SquarespaceApiKey {

    private final SandboxConfig config;

    SquarespaceApiKey(SandboxConfig config) {
        this.config = config;
    }

    /** Whether the header carries the configured key; never, when none is configured. */
    boolean accepts(String authorization) {
        return BearerCredential.presented(authorization, config.squarespace().apiKey());
    }
}
