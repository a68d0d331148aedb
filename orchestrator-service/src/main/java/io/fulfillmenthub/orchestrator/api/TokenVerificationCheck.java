package io.fulfillmenthub.orchestrator.api;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The operations API has no default key: without a key to verify tokens with and the issuer they must come from,
 * smallrye-jwt would start and refuse every token, so the service refuses to start instead, naming the keys.
 */
@ApplicationScoped
public class TokenVerificationCheck {

    static final String KEY_LOCATION = "mp.jwt.verify.publickey.location";
    static final String KEY = "mp.jwt.verify.publickey";
    static final String ISSUER = "mp.jwt.verify.issuer";

    void check(@Observes StartupEvent start, Config config) {
        List<String> missing = missing(config);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the operations API cannot verify bearer tokens: " + String.join("; ", missing)
                    + " (orchestrator-service README, Access)");
        }
    }

    static List<String> missing(Config config) {
        List<String> missing = new ArrayList<>();
        Optional<String> location = value(config, KEY_LOCATION);
        if (location.isEmpty() && value(config, KEY).isEmpty()) {
            missing.add(KEY_LOCATION + " (env MP_JWT_VERIFY_PUBLICKEY_LOCATION) is not set: the PEM file of the "
                    + "token signing key's public key, or the JWKS URL of the identity provider");
        }
        // a path on this machine (not a URL, not a class path resource) must be a file: a volume mounted wrong
        // (Docker makes a missing source a directory) would otherwise refuse every token, not the start
        location.filter(path -> path.startsWith("/") || path.startsWith("file:"))
                .map(path -> Path.of(path.startsWith("file:") ? path.substring("file:".length()) : path))
                .filter(file -> !Files.isRegularFile(file) || !Files.isReadable(file))
                .ifPresent(file -> missing.add(KEY_LOCATION + " (env MP_JWT_VERIFY_PUBLICKEY_LOCATION) names " + file
                        + ", which is not a readable file"));
        if (value(config, ISSUER).isEmpty()) {
            missing.add(ISSUER + " (env MP_JWT_VERIFY_ISSUER) is not set: the iss every token must carry");
        }
        return missing;
    }

    private static Optional<String> value(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(value -> !value.isEmpty());
    }
}
