package io.fulfillmenthub.pos.lightspeed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Everything the connector needs to know about Lightspeed X-Series: {@code hub.lightspeed.*}. */
@ConfigMapping(prefix = "hub.lightspeed")
public interface LightspeedConfig {

    /** The store's API, {@code https://<domain_prefix>.retail.lightspeed.app} (the sandbox: {@code <sandbox>/lightspeed}). */
    URI baseUrl();

    /** The OAuth application's client id, for token refreshes. */
    Optional<String> clientId();

    /** The OAuth application's client secret (never logged). Set it from the environment: {@code HUB_LIGHTSPEED_CLIENT_SECRET}. */
    Optional<String> clientSecret();

    /** The first refresh token: seeds the token table when it is empty, ignored afterwards ({@code HUB_LIGHTSPEED_REFRESH_TOKEN}). */
    Optional<String> refreshToken();

    /** A personal token, used as bearer instead of OAuth when set ({@code HUB_LIGHTSPEED_PERSONAL_TOKEN}). */
    Optional<String> personalToken();

    /** One HTTP attempt fails as retryable after this. */
    @WithDefault("10s")
    Duration timeout();

    /** A token is refreshed this long before it expires. */
    @WithDefault("1m")
    Duration tokenSkew();

    /** How many sales a change-feed page asks for ({@code page_size}). */
    @WithDefault("200")
    int feedPageSize();

    Poll poll();

    RateLimit rateLimit();

    Retry retry();

    interface Poll {

        /** How often the backstop poller reads the open sales. */
        @WithDefault("60s")
        Duration every();

        /** How many open sales one poll reads, least recently checked first. */
        @WithDefault("50")
        int batch();
    }

    /** Pacing on {@code X-RateLimit-Remaining}, before Lightspeed answers 429. */
    interface RateLimit {

        /** Below this many remaining requests each call first waits {@link #pause()}. */
        @WithDefault("30")
        int slowBelow();

        /** The wait before each call while remaining is below {@link #slowBelow()}. */
        @WithDefault("1s")
        Duration pause();
    }

    /** Repeats of idempotent calls (reads, fulfil, void) within one message; create is never repeated blindly. */
    interface Retry {

        @WithDefault("3")
        int maxRetries();

        @WithDefault("200ms")
        Duration initialDelay();

        /** No back-off or Retry-After longer than this is waited in place: the consumer waits it out instead. */
        @WithDefault("10s")
        Duration maxDelay();

        @WithDefault("30s")
        Duration maxDuration();
    }
}
