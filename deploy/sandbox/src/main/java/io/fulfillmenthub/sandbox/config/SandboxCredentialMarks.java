package io.fulfillmenthub.sandbox.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses to start with a credential that is not marked as a sandbox credential. The sandbox signs webhooks
 * and issues tokens with whatever it is given, so with a real vendor secret it would be a signing oracle
 * for anyone who reaches its control API. A sandbox credential starts with {@value #MARK}; one that must be
 * hex (Squarespace's webhook secret, hex-decoded to sign) starts with {@link #HEX_MARK}, "sandbox" in hex.
 * The refusal names the key, never the value.
 */
public final class SandboxCredentialMarks {

    public static final String MARK = "sandbox-";
    /** {@code 73616e64626f78}: "sandbox" in hex. */
    public static final String HEX_MARK = HexFormat.of().formatHex("sandbox".getBytes(StandardCharsets.US_ASCII));

    void onStart(@Observes StartupEvent event, SandboxConfig config) {
        refuseUnmarked(credentials(config), hexCredentials(config));
    }

    /** Every configured credential by its key, except the hex ones. */
    static Map<String, Optional<String>> credentials(SandboxConfig config) {
        Map<String, Optional<String>> credentials = new LinkedHashMap<>();
        credentials.put("sandbox.spresso.client-secret", config.spresso().clientSecret());
        credentials.put("sandbox.spresso.api-token", config.spresso().apiToken());
        credentials.put("sandbox.spod.api-key", config.spod().apiKey());
        credentials.put("sandbox.spod.api-secret", config.spod().apiSecret());
        credentials.put("sandbox.squarespace.api-key", config.squarespace().apiKey());
        credentials.put("sandbox.lightspeed.client-secret", config.lightspeed().clientSecret());
        credentials.put("sandbox.lightspeed.refresh-token", config.lightspeed().refreshToken());
        credentials.put("sandbox.lightspeed.personal-token", config.lightspeed().personalToken());
        return credentials;
    }

    /** The configured credentials that must be hex, by their key. */
    static Map<String, Optional<String>> hexCredentials(SandboxConfig config) {
        return Map.of("sandbox.squarespace.webhook-secret", config.squarespace().webhookSecret());
    }

    /**
     * Fails naming every key whose value is not marked as a sandbox credential; an unset key is the
     * vendor's to refuse (see {@code MissingCredentialsWarning}).
     */
    public static void refuseUnmarked(Map<String, Optional<String>> credentials, Map<String, Optional<String>> hex) {
        List<String> unmarked = new ArrayList<>();
        credentials.forEach((key, value) -> value.filter(v -> !v.startsWith(MARK)).ifPresent(v -> unmarked.add(key)));
        hex.forEach((key, value) -> value.filter(v -> !v.toLowerCase(java.util.Locale.ROOT).startsWith(HEX_MARK))
                .ifPresent(v -> unmarked.add(key + " (hex: starts with " + HEX_MARK + ")")));
        if (!unmarked.isEmpty()) {
            throw new UnmarkedCredentialException("the sandbox only takes sandbox credentials, whose value starts with '"
                    + MARK + "' (a hex one with " + HEX_MARK + ", \"sandbox\" in hex); not marked: "
                    + String.join(", ", unmarked) + ". A real vendor credential never belongs here.");
        }
    }

    /** A credential not marked as a sandbox credential: the sandbox does not start. */
    public static final class UnmarkedCredentialException extends IllegalStateException {
        UnmarkedCredentialException(String message) {
            super(message);
        }
    }
}
