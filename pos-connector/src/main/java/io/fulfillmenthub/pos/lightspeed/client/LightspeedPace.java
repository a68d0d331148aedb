package io.fulfillmenthub.pos.lightspeed.client;

import io.fulfillmenthub.kit.http.RetryAfter;
import io.fulfillmenthub.pos.lightspeed.LightspeedConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * How fast this replica may call Lightspeed: it reads {@code X-RateLimit-Remaining} (and {@code X-RateLimit-Reset},
 * an HTTP date, when sent) from every answer, and a 429's {@code Retry-After} (an HTTP date at Lightspeed). Below
 * {@code hub.lightspeed.rate-limit.slow-below} remaining, each call first waits {@code rate-limit.pause}; with none
 * remaining, until the reset; after a 429, until its Retry-After. Headers absent or unreadable change nothing.
 */
@ApplicationScoped
public class LightspeedPace {

    private final int slowBelow;
    private final Duration pause;

    private Integer remaining;
    private Instant reset;
    private Instant notBefore = Instant.MIN;

    public LightspeedPace(LightspeedConfig config) {
        this.slowBelow = config.rateLimit().slowBelow();
        this.pause = config.rateLimit().pause();
    }

    /** The wait before the next call. */
    public synchronized Duration before(Instant now) {
        Duration wait = notBefore.isAfter(now) ? Duration.between(now, notBefore) : Duration.ZERO;
        if (remaining != null && remaining <= 0 && reset != null && reset.isAfter(now)) {
            wait = max(wait, Duration.between(now, reset));
        } else if (remaining != null && remaining < slowBelow) {
            wait = max(wait, pause);
        }
        return wait;
    }

    /** What an answer said about the limit. */
    public synchronized void observe(String remainingHeader, String resetHeader) {
        if (remainingHeader != null) {
            try {
                remaining = Integer.parseInt(remainingHeader.trim());
            } catch (NumberFormatException unreadable) {
                remaining = null;
            }
        }
        if (resetHeader != null) {
            try {
                reset = ZonedDateTime.parse(resetHeader.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (RuntimeException unreadable) {
                reset = null;
            }
        }
    }

    /**
     * A 429: no call before its Retry-After; answers the wait it asked for, if readable. A readable Retry-After is
     * the vendor's word on when to call again, so the remaining count and reset of the refusal itself (0, and the end
     * of the window, perhaps minutes away) do not hold calls back beyond it: the next answer tells them anew.
     */
    public synchronized Duration refused(String retryAfterHeader, Instant now) {
        Duration wait = RetryAfter.parse(retryAfterHeader, now).orElse(null);
        if (wait != null) {
            if (now.plus(wait).isAfter(notBefore)) {
                notBefore = now.plus(wait);
            }
            remaining = null;
            reset = null;
        }
        return wait;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
