package io.fulfillmenthub.spod.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/**
 * Everything the connector needs to know about SPOD except the OAuth2 client, which lives under
 * {@code quarkus.oidc-client.spod.*} (token URL, API key and secret).
 */
@ConfigMapping(prefix = "hub.spod")
public interface SpodConfig {

    /** SPOD's API, e.g. {@code https://api.spod.com}; the REST client reads it as {@code quarkus.rest-client.spod.url}. */
    URI baseUrl();

    /** Sent on every call: SPOD refuses requests without an application User-Agent. */
    String userAgent();

    Poll poll();

    Retry retry();

    ShippingCountries shippingCountries();

    /** {@code GET /shipping-countries}, checked before each submit. */
    interface ShippingCountries {

        /** How long a list read from SPOD is used before it is read again. */
        @WithDefault("1h")
        Duration refresh();
    }

    interface Poll {

        /** How often {@code GET /orders?updated-since=} runs. */
        @WithDefault("5s")
        Duration interval();

        /** SPOD's {@code limit}, 1 to 1000. */
        @WithDefault("100")
        int pageSize();

        /**
         * How far before the newest {@code updated} read (or the poll's start, if earlier) the next poll's
         * window starts: covers a difference between SPOD's clock and the connector's, and a change SPOD
         * stamps a little before it lists it. Orders read again report nothing new.
         */
        @WithDefault("10s")
        Duration overlap();
    }

    /** One retry policy for every SPOD call: exponential backoff with jitter, Retry-After honoured up to {@link #maxDelay()}. */
    interface Retry {

        /** Retries after the first attempt. */
        @WithDefault("5")
        int maxRetries();

        /** The first backoff; each further one doubles. */
        @WithDefault("500ms")
        Duration initialDelay();

        /** No backoff, and no Retry-After, waits longer than this. */
        @WithDefault("10s")
        Duration maxDelay();

        /**
         * Retries stop once this much time has passed since the first attempt. With the last attempt and the
         * fact's publish it must stay under SmallRye's 60 s limit for an unacked record, or the channel turns
         * unhealthy.
         */
        @WithDefault("35s")
        Duration maxDuration();

        /** One attempt, token included, fails as retryable after this. */
        @WithDefault("5s")
        Duration attemptTimeout();
    }
}
