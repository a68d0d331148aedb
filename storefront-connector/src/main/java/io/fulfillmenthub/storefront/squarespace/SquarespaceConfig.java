package io.fulfillmenthub.storefront.squarespace;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** How the connector reaches Squarespace's Commerce APIs, and how it reconciles orders. */
@ConfigMapping(prefix = "hub.squarespace")
public interface SquarespaceConfig {

    /**
     * Everything before {@code /1.0/commerce/...}: {@code https://api.squarespace.com} for real; the default is
     * the local stack's sandbox, which serves the same paths under {@code /squarespace}.
     */
    @WithDefault("http://localhost:8090/squarespace")
    URI baseUrl();

    /** The API key (or OAuth token), sent as {@code Bearer}; never logged. Without it every call waits, naming this key. */
    Optional<String> apiKey();

    /** Squarespace requires a User-Agent on every request. */
    @WithDefault("fulfillment-hub/${quarkus.application.version:0} (storefront-connector)")
    String userAgent();

    /** {@code shouldSendNotification} of every fulfillment call: whether Squarespace e-mails the customer. */
    @WithDefault("true")
    boolean notifyCustomer();

    /** The {@code service} sent (Squarespace requires one) when the fulfiller reported no level of service. */
    @WithDefault("Standard")
    String defaultService();

    @WithDefault("5s")
    Duration connectTimeout();

    @WithDefault("10s")
    Duration readTimeout();

    /**
     * How long a 429 stops every call (VENDOR-FACTS: "a 429 means a one-minute cool-down"), unless the answer's
     * {@code Retry-After} asks for longer.
     */
    @WithDefault("60s")
    Duration coolDown();

    /**
     * How long after its notification an order Squarespace answers 404 for is still waited for (retried as
     * transient); after that, the notification is dead-lettered naming the order.
     */
    @WithDefault("10m")
    Duration orderNotFoundGrace();

    Retry retry();

    Reconcile reconcile();

    /** Retries of one read ({@code kit.http.VendorRetry}); the fulfillment call is never repeated by the client. */
    interface Retry {

        @WithDefault("5")
        int maxRetries();

        @WithDefault("500ms")
        Duration initialDelay();

        @WithDefault("10s")
        Duration maxDelay();

        @WithDefault("40s")
        Duration maxDuration();
    }

    /** The reconciliation poller: finds orders whose notification never came. */
    interface Reconcile {

        /** How often it polls. */
        @WithDefault("5m")
        String every();

        /** How far each window reaches back before the stored high-water mark (clock skew, late listing). */
        @WithDefault("1m")
        Duration overlap();

        /** Where the first window starts when no high-water mark is stored yet; default: a day before the first poll. */
        Optional<Instant> start();
    }
}
