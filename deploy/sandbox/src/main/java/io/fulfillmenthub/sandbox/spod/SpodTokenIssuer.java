package io.fulfillmenthub.sandbox.spod;

import io.fulfillmenthub.sandbox.config.SandboxConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Issues SPOD access tokens and recognises them until they expire. A token looks like a JWT
 * (three Base64url parts) but is opaque to the sandbox: only the issued set is trusted.
 */
@ApplicationScoped
public class SpodTokenIssuer {

    public static final String READ = "industrial-fulfillment.read";
    public static final String WRITE = "industrial-fulfillment.write";
    public static final Set<String> ALL_SCOPES = Set.of(READ, WRITE);

    /** An issued token. */
    public record Issued(String accessToken, String jti, long expiresIn, Set<String> scopes) {}

    private record Grant(Instant expiresAt, Set<String> scopes) {}

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final ConcurrentMap<String, Grant> grants = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final long expiresInSeconds;

    @Inject
    SpodTokenIssuer(Clock clock, SandboxConfig config) {
        this(clock, config.spod().tokenExpiresIn());
    }

    SpodTokenIssuer(Clock clock, long expiresInSeconds) {
        this.clock = clock;
        this.expiresInSeconds = expiresInSeconds;
    }

    public Issued issue(Set<String> scopes) {
        Instant now = clock.instant();
        Instant expiresAt = now.plusSeconds(expiresInSeconds);
        String jti = UUID.randomUUID().toString();
        byte[] signature = new byte[32];
        random.nextBytes(signature);
        String token = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "."
                + encode("{\"jti\":\"" + jti + "\",\"iat\":" + now.getEpochSecond()
                        + ",\"exp\":" + expiresAt.getEpochSecond() + "}")
                + "." + BASE64URL.encodeToString(signature);
        grants.put(token, new Grant(expiresAt, Set.copyOf(scopes)));
        return new Issued(token, jti, expiresInSeconds, Set.copyOf(scopes));
    }

    /** The scopes of a token that was issued here and has not expired. */
    public Optional<Set<String>> scopesOf(String token) {
        Grant grant = grants.get(token);
        if (grant == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(grant.expiresAt())) {
            grants.remove(token, grant);
            return Optional.empty();
        }
        return Optional.of(grant.scopes());
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
