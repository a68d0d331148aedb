package io.fulfillmenthub.sandbox.spresso;

import io.fulfillmenthub.sandbox.config.SandboxConfig;
import io.fulfillmenthub.sandbox.vendor.BearerCredential;
import jakarta.enterprise.context.ApplicationScoped;

/** [unknown] How Spresso API tokens are obtained: the sandbox accepts one configured static token. */
@ApplicationScoped
class SpressoApiToken {

    private final SandboxConfig config;

    SpressoApiToken(SandboxConfig config) {
        this.config = config;
    }

    /** Whether the Authorization header carries the configured token; never, when none is configured. */
    boolean accepts(String authorization) {
        return BearerCredential.presented(authorization, config.spresso().apiToken());
    }
}
