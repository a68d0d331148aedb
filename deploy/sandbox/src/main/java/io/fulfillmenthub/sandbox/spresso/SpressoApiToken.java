package io.fulfillmenthub.sandbox.spresso;

import io.fulfillmenthub.sandbox.config.SandboxConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** [unknown] How Spresso API tokens are obtained: the sandbox accepts one configured static token. */
@ApplicationScoped
class SpressoApiToken {

    private final SandboxConfig config;

    SpressoApiToken(SandboxConfig config) {
        this.config = config;
    }

    /** Whether the Authorization header carries the configured token; never, when none is configured. */
    boolean accepts(String authorization) {
        return config.spresso().apiToken()
                .filter(expected -> authorization != null
                        && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                        && MessageDigest.isEqual(authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8),
                                expected.getBytes(StandardCharsets.UTF_8)))
                .isPresent();
    }
}
