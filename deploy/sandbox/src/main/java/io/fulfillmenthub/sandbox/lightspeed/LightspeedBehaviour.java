package io.fulfillmenthub.sandbox.lightspeed;

import io.fulfillmenthub.sandbox.config.SandboxConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How the simulated Lightspeed behaves where a test needs to choose: the rate limit (documented: 300 × registers
 * + 50 requests per 5 minutes; both numbers changeable), a 429 storm, and the [unknown] void of a sale already
 * handed over ({@code refuse}: 422, {@code allow}). Starts from the configuration; {@link #reset()} restores it.
 * Counts requests in fixed windows, the first starting with the first request.
 */
@ApplicationScoped
public class LightspeedBehaviour {

    public enum VoidClosed { refuse, allow }

    /** The switches as they are now. */
    public record Settings(int rateLimitPerWindow, long windowMs, VoidClosed voidClosed) {}

    /** One request counted: admitted or not, and what the rate-limit headers say. */
    record Admission(boolean admitted, int limit, int remaining, Instant reset, Instant retryAt) {}

    private final SandboxConfig config;
    private final Clock clock;
    private Settings settings;
    private Instant windowStart;
    private int inWindow;
    private Instant stormUntil;

    LightspeedBehaviour(SandboxConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        reset();
    }

    public synchronized Settings settings() {
        return settings;
    }

    /** Changes the given switches (null: unchanged) and starts a new count. @throws IllegalArgumentException naming a bad one */
    public synchronized Settings change(Integer perWindow, Long windowMs, String voidClosed) {
        if (perWindow != null && perWindow < 1) {
            throw new IllegalArgumentException("rateLimitPerWindow: must be at least 1");
        }
        if (windowMs != null && windowMs < 1) {
            throw new IllegalArgumentException("windowMs: must be at least 1");
        }
        VoidClosed voids = settings.voidClosed();
        if (voidClosed != null) {
            try {
                voids = VoidClosed.valueOf(voidClosed);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("voidClosed: must be refuse or allow");
            }
        }
        settings = new Settings(perWindow == null ? settings.rateLimitPerWindow() : perWindow,
                windowMs == null ? settings.windowMs() : windowMs, voids);
        windowStart = null;
        inWindow = 0;
        return settings;
    }

    /** Restores the configuration and forgets the count and any storm. */
    public synchronized void reset() {
        SandboxConfig.Lightspeed lightspeed = config.lightspeed();
        settings = new Settings(lightspeed.rateLimit().perWindow(), lightspeed.rateLimit().window().toMillis(), VoidClosed.refuse);
        windowStart = null;
        inWindow = 0;
        stormUntil = Instant.EPOCH;
    }

    /** Counts one API request. */
    synchronized Admission admit() {
        Instant now = clock.instant();
        Duration window = Duration.ofMillis(settings.windowMs());
        if (windowStart == null || !now.isBefore(windowStart.plus(window))) {
            windowStart = now;
            inWindow = 0;
        }
        Instant reset = windowStart.plus(window);
        int limit = settings.rateLimitPerWindow();
        if (now.isBefore(stormUntil)) {
            return new Admission(false, limit, 0, reset, stormUntil);
        }
        if (inWindow >= limit) {
            return new Admission(false, limit, 0, reset, reset);
        }
        inWindow++;
        return new Admission(true, limit, limit - inWindow, reset, null);
    }

    /** Every API request is answered 429 from now for this long. */
    public synchronized Instant storm(Duration length) {
        stormUntil = clock.instant().plus(length);
        return stormUntil;
    }

    public synchronized Optional<Instant> stormUntil() {
        return clock.instant().isBefore(stormUntil) ? Optional.of(stormUntil) : Optional.empty();
    }
}
