package io.fulfillmenthub.sandbox.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.fulfillmenthub.sandbox.spod.SpodBehaviour;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The sandbox's configuration. Credentials have no defaults here: the local stack and the tests
 * hand them in, and a vendor API whose credentials are missing refuses every call.
 */
@ConfigMapping(prefix = "sandbox")
public interface SandboxConfig {

    Spresso spresso();

    Spod spod();

    Squarespace squarespace();

    Lightspeed lightspeed();

    Hub hub();

    interface Spresso {
        /** Key of the HMAC-SHA256 signature on the webhooks the sandbox sends. */
        Optional<String> clientSecret();

        /** The static bearer token the hub presents on Spresso API calls. */
        Optional<String> apiToken();

        /**
         * [unknown] Spresso's carrier enum: only {@code ups} and {@code fedex} are documented. A shipment whose
         * carrier is not listed is refused, so a test can play the undocumented enum either way.
         */
        @WithDefault("ups,fedex,dhl,usps")
        List<String> carriers();
    }

    interface Spod {
        /** HTTP Basic user of the token endpoint (also the form's client_id). */
        Optional<String> apiKey();

        /** HTTP Basic password of the token endpoint. */
        Optional<String> apiSecret();

        /** Lifetime of an issued access token, in seconds (SPOD's example answers 86399). */
        @WithDefault("86399")
        long tokenExpiresIn();

        /** {@code GET /orders} answers a bare array ({@code array}) or {@code {"orders": [...]}} ({@code object}). */
        @WithDefault("array")
        SpodBehaviour.ListShape listShape();

        /** The sort order of {@code GET /orders}: {@code updated}, {@code created} or {@code newest-first}. */
        @WithDefault("updated")
        SpodBehaviour.ListOrder listOrder();

        /** Whether a {@code confirmed} order can still be cancelled; false: 400, it is in production. */
        @WithDefault("true")
        boolean cancelConfirmed();

        /** What {@code GET /shipping-countries} lists, ISO 3166-1 alpha-2. */
        @WithDefault("US,CA,GB,IE,DE,AT,CH,FR,BE,NL,LU,DK,SE,NO,FI,IT,ES,PT,PL,CZ,AU,NZ")
        List<String> shippingCountries();
    }

    interface Squarespace {
        /** The API key the hub presents as {@code Authorization: Bearer <key>}. */
        Optional<String> apiKey();

        /**
         * The secret (64 hex digits, as Squarespace issues them) of the webhook subscription the sandbox creates
         * at start for the hub; its notifications are signed with it until rotated.
         */
        Optional<String> webhookSecret();

        RateLimit rateLimit();

        /**
         * Whether {@code POST .../fulfillments} honours {@code Idempotency-Key}: Squarespace documents the
         * header for some endpoints, not this one, so by default it is ignored.
         */
        @WithDefault("false")
        boolean honourIdempotencyKey();

        interface RateLimit {
            /** Requests accepted per minute before a 429 (documented: 300). */
            @WithDefault("300")
            int perMinute();

            /** How long every request is answered 429 once the limit was passed (documented: one minute). */
            @WithDefault("1m")
            Duration coolDown();
        }
    }

    interface Lightspeed {
        /** The OAuth app's client id, checked on the token endpoint; not a secret. */
        @WithDefault("fulfillment-hub-local")
        String clientId();

        /** The app's client secret: checked on the token endpoint, and the key of the {@code sale.update} signature. */
        Optional<String> clientSecret();

        /** The first refresh token the sandbox accepts (single-use: each refresh issues the next). */
        Optional<String> refreshToken();

        /** A personal token, accepted as a bearer on every API call instead of an access token. */
        Optional<String> personalToken();

        /** How long an access token lives (Lightspeed: about a day). */
        @WithDefault("24h")
        Duration tokenLifetime();

        /** The store's domain prefix: the token answer and the webhooks name it. */
        @WithDefault("hubstore")
        String domainPrefix();

        /** The retailer id the webhooks carry. */
        @WithDefault("0a6f6e36-8b71-11eb-f3d6-40cea3d59c5a")
        String retailerId();

        RateLimit rateLimit();

        interface RateLimit {
            /** Requests per window before a 429 (documented: 300 × registers + 50; two registers: 650). */
            @WithDefault("650")
            int perWindow();

            /** The window (documented: 5 minutes). */
            @WithDefault("5m")
            Duration window();
        }
    }

    interface Hub {
        /**
         * Where Spresso webhooks are delivered. Declared here so the key is known and defaulted;
         * {@link HubEndpoints} reads it again on each delivery.
         */
        @WithDefault(HubEndpoints.SPRESSO_WEBHOOK_URL_DEFAULT)
        String spressoWebhookUrl();

        /** Where the notifications of the hub's Squarespace webhook subscription go; read again on each delivery. */
        @WithDefault(HubEndpoints.SQUARESPACE_WEBHOOK_URL_DEFAULT)
        String squarespaceWebhookUrl();

        /** Where Lightspeed's {@code sale.update} webhooks go; none sent when unset. Read again on each delivery. */
        Optional<String> lightspeedWebhookUrl();
    }
}
