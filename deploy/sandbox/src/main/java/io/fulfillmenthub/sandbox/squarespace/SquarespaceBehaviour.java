package io.fulfillmenthub.sandbox.squarespace;

import io.fulfillmenthub.sandbox.config.SandboxConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How the simulated Squarespace behaves where a test needs to choose: the rate limit (documented: 300
 * requests a minute, then 429 and a one-minute cool-down; both numbers changeable so a system test can play a
 * storm in seconds), and whether the fulfillments endpoint honours {@code Idempotency-Key}. Starts from the
 * configuration; {@link #reset()} restores it. Also keeps the rate limit's count, one fixed minute at a time.
 */
@ApplicationScoped
public class SquarespaceBehaviour {

    /** [unknown] The error type of a 429: Squarespace documents the status and the cool-down, not the body. */
    static final String RATE_LIMITED = "RATE_LIMITED";

    /** The switches as they are now. */
    public record Settings(int rateLimitPerMinute, long coolDownMs, boolean honourIdempotencyKey) {}

    private final SandboxConfig config;
    private final Clock clock;
    private Settings settings;
    private Instant windowStart = Instant.EPOCH;
    private int inWindow;
    private Instant coolDownUntil = Instant.EPOCH;

    SquarespaceBehaviour(SandboxConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        reset();
    }

    public synchronized Settings settings() {
        return settings;
    }

    /** Changes the given switches (null: unchanged) and starts a new count. @throws IllegalArgumentException naming a bad one */
    public synchronized Settings change(Integer perMinute, Long coolDownMs, Boolean honourIdempotencyKey) {
        if (perMinute != null && perMinute < 1) {
            throw new IllegalArgumentException("rateLimitPerMinute: must be at least 1");
        }
        if (coolDownMs != null && coolDownMs < 0) {
            throw new IllegalArgumentException("coolDownMs: must be 0 or more");
        }
        settings = new Settings(perMinute == null ? settings.rateLimitPerMinute() : perMinute,
                coolDownMs == null ? settings.coolDownMs() : coolDownMs,
                honourIdempotencyKey == null ? settings.honourIdempotencyKey() : honourIdempotencyKey);
        // a new limit counts from now
        windowStart = Instant.EPOCH;
        inWindow = 0;
        return settings;
    }

    /** Restores the configuration and forgets the count and any cool-down. */
    public synchronized void reset() {
        SandboxConfig.Squarespace squarespace = config.squarespace();
        settings = new Settings(squarespace.rateLimit().perMinute(), squarespace.rateLimit().coolDown().toMillis(),
                squarespace.honourIdempotencyKey());
        windowStart = Instant.EPOCH;
        inWindow = 0;
        coolDownUntil = Instant.EPOCH;
    }

    /**
     * Counts one request; false when it is over the limit or inside a cool-down (a request over the limit
     * starts the cool-down).
     */
    synchronized boolean admit() {
        Instant now = clock.instant();
        if (now.isBefore(coolDownUntil)) {
            return false;
        }
        if (!now.isBefore(windowStart.plus(Duration.ofMinutes(1)))) {
            windowStart = now;
            inWindow = 0;
        }
        if (++inWindow > settings.rateLimitPerMinute()) {
            startCoolDown(Duration.ofMillis(settings.coolDownMs()));
            return false;
        }
        return true;
    }

    /** A 429 storm now: every request is refused for this long (the configured cool-down when null). */
    public synchronized Instant startCoolDown(Duration length) {
        Instant now = clock.instant();
        coolDownUntil = now.plus(length == null ? Duration.ofMillis(settings.coolDownMs()) : length);
        windowStart = now;
        inWindow = 0;
        return coolDownUntil;
    }

    /** When the cool-down in force ends; empty when none is. */
    public synchronized java.util.Optional<Instant> coolDownUntil() {
        return clock.instant().isBefore(coolDownUntil) ? java.util.Optional.of(coolDownUntil) : java.util.Optional.empty();
    }
}
