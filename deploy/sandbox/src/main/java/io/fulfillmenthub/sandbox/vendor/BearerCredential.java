package io.fulfillmenthub.sandbox.vendor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** A vendor's static bearer credential (an API token or key), checked in constant time. */
public final class BearerCredential {

    private BearerCredential() {}

    /** Whether the Authorization header is {@code Bearer <expected>}; never, when nothing is expected. */
    public static boolean presented(String authorization, Optional<String> expected) {
        return expected.filter(credential -> authorization != null
                        && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                        && MessageDigest.isEqual(authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8),
                                credential.getBytes(StandardCharsets.UTF_8)))
                .isPresent();
    }
}
