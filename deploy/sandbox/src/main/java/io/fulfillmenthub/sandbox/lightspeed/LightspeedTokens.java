package io.fulfillmenthub.sandbox.lightspeed;

import io.fulfillmenthub.sandbox.config.SandboxConfig;
import io.fulfillmenthub.sandbox.vendor.BearerCredential;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lightspeed's OAuth tokens, as documented: a refresh (grant {@code refresh_token}, with the app's client id and
 * secret) issues an access token (about a day) and a new refresh token; refresh tokens are single-use, so the one
 * used is no longer valid. Starts from the configured first refresh token; a personal token is accepted as a bearer
 * too. Tokens are never logged.
 */
@ApplicationScoped
public class LightspeedTokens {

    /** What a refresh issued. */
    public record Issued(String accessToken, String refreshToken, Instant expires, long expiresIn) {}

    /** {@code GET /_sandbox/lightspeed/tokens}. */
    public record Counts(int refreshes, int refusedRefreshTokens, int activeAccessTokens) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SandboxConfig config;
    private final Clock clock;
    private final Set<String> refreshTokens = new HashSet<>();
    private final Map<String, Instant> accessTokens = new HashMap<>();
    private int refreshes;
    private int refused;

    LightspeedTokens(SandboxConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        reset();
    }

    /** Whether the client id and secret are the app's (constant time; never, without a configured secret). */
    boolean isClient(String clientId, String clientSecret) {
        return config.lightspeed().clientId().equals(clientId)
                && BearerCredential.presented(clientSecret == null ? null : "Bearer " + clientSecret, config.lightspeed().clientSecret());
    }

    /** Uses up a refresh token and issues the next pair; empty when it is unknown or used already. */
    synchronized Optional<Issued> refresh(String refreshToken) {
        if (refreshToken == null || !refreshTokens.remove(refreshToken)) {
            refused++;
            return Optional.empty();
        }
        refreshes++;
        Instant expires = clock.instant().plus(config.lightspeed().tokenLifetime());
        String access = random();
        accessTokens.put(access, expires);
        String next = random();
        refreshTokens.add(next);
        return Optional.of(new Issued(access, next, expires, config.lightspeed().tokenLifetime().toSeconds()));
    }

    /** Whether the Authorization header carries a live access token or the personal token. */
    synchronized boolean accepts(String authorization) {
        if (BearerCredential.presented(authorization, config.lightspeed().personalToken())) {
            return true;
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] presented = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        Instant now = clock.instant();
        boolean live = false;
        for (Map.Entry<String, Instant> token : accessTokens.entrySet()) {
            live |= MessageDigest.isEqual(token.getKey().getBytes(StandardCharsets.UTF_8), presented) && now.isBefore(token.getValue());
        }
        return live;
    }

    /** Every access token issued so far expires now (the refresh tokens stay valid). */
    synchronized int expireAll() {
        int active = activeAccessTokens();
        accessTokens.replaceAll((token, expires) -> Instant.EPOCH);
        return active;
    }

    synchronized Counts counts() {
        return new Counts(refreshes, refused, activeAccessTokens());
    }

    /** Forgets every issued token; the configured first refresh token is valid again. */
    synchronized void reset() {
        refreshTokens.clear();
        accessTokens.clear();
        refreshes = 0;
        refused = 0;
        config.lightspeed().refreshToken().filter(token -> !token.isBlank()).ifPresent(refreshTokens::add);
    }

    private int activeAccessTokens() {
        Instant now = clock.instant();
        return (int) accessTokens.values().stream().filter(now::isBefore).count();
    }

    private static String random() {
        byte[] bytes = new byte[30];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
