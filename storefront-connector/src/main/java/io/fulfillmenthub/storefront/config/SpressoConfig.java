package io.fulfillmenthub.storefront.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How the connector reaches Spresso's Order Fulfillment API. */
@ConfigMapping(prefix = "hub.spresso")
public interface SpressoConfig {

    /** Everything before {@code /v1/fulfillments}; the default is the local stack's sandbox. */
    @WithDefault("http://localhost:8090/spresso")
    URI baseUrl();

    /**
     * The static bearer token (VENDOR-FACTS: how it is obtained is [unknown]). No default: without it
     * every command fails to the dead-letter topic, naming this key.
     */
    Optional<String> apiToken();

    @WithDefault("fulfillment-hub/${quarkus.application.version:0} (storefront-connector)")
    String userAgent();

    @WithDefault("5s")
    Duration connectTimeout();

    @WithDefault("10s")
    Duration readTimeout();

    Retry retry();

    /**
     * [unknown] Spresso's carrier enum is not documented beyond {@code ups} and {@code fedex}: a
     * fulfiller's carrier name (matched case-insensitively) to Spresso's code, e.g.
     * {@code hub.spresso.carriers."DHL Express"=dhl}. The defaults are in application.properties.
     */
    Map<String, String> carriers();

    /**
     * The code sent for a carrier {@link #carriers()} does not name: a value of Spresso's enum the operator
     * chose. Required: the hub never makes one up. Each use is noted on the order's timeline.
     */
    String carrierFallback();

    /**
     * Codes a {@code country} may have that are not ISO 3166-1 alpha-3, each {@code CODE=ALPHA2}, e.g.
     * {@code hub.spresso.country-aliases=XKX=XK}. An order whose country the mapper cannot read is a dead
     * letter naming the field; adding the alias and replaying its dead letter brings it in. None by default.
     */
    Optional<List<String>> countryAliases();

    /**
     * Retries of one call ({@code kit.http.VendorRetry}: 5xx, 429, Spresso's 409, timeouts, no connection;
     * each delay half fixed, half random). A consumer holds its partition while it retries, and
     * SmallRye marks the channel unhealthy when a record stays unacked for 60 s, so the whole retry
     * stays below {@link #maxDuration()}.
     */
    interface Retry {

        /** Retries after the first attempt. */
        @WithDefault("5")
        int maxRetries();

        /** The first delay; each next one doubles, up to {@link #maxDelay()}. */
        @WithDefault("500ms")
        Duration initialDelay();

        /** The longest delay; a {@code Retry-After} longer than this is waited out by the consumer instead. */
        @WithDefault("10s")
        Duration maxDelay();

        /** No retry starts after this long since the first attempt. */
        @WithDefault("40s")
        Duration maxDuration();
    }
}
