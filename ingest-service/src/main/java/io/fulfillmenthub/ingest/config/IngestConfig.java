package io.fulfillmenthub.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The ingest service's own settings, {@code hub.ingest.*}. */
@ConfigMapping(prefix = "hub.ingest")
public interface IngestConfig {

    /**
     * The largest body accepted on any route, in bytes, whether its length is declared or it is sent chunked;
     * larger ones are answered 413 without reading more than this. {@code quarkus.http.limits.max-body-size}
     * must not be below it, or Quarkus would answer first, without a JSON body (checked at start).
     */
    @WithDefault("1048576")
    long maxBodyBytes();

    /**
     * The most bytes of request bodies held at once, all requests together; a body that would pass it is answered
     * 503 {@code busy} with {@code Retry-After}, so many slow or large bodies at once cannot exhaust the heap.
     */
    @WithDefault("67108864")
    long maxBodyBytesInFlight();

    /**
     * The longest a request's body may take to arrive, from its headers to its last byte; slower ones
     * (slowloris) are answered 408 and their connection closed.
     */
    @WithDefault("10s")
    Duration bodyTimeout();

    /** Limits on the JSON of a body, enforced by the parser (Jackson's {@code StreamReadConstraints}). */
    Json json();

    /** The rate limit of every source that sets none of its own. */
    RateLimit rateLimit();

    /** How long a webhook waits for the broker's ack before it is answered 503. */
    @WithDefault("8s")
    Duration publishTimeout();

    /** The {@code Retry-After} of a 503, in seconds. */
    @WithDefault("5")
    int retryAfterSeconds();

    Dedupe dedupe();

    /**
     * The webhook sources, by name: {@code POST /webhooks/<name>} takes each. Validated at start by
     * {@link io.fulfillmenthub.ingest.source.WebhookSources}, which names the key of any bad value.
     */
    Map<String, Source> sources();

    BaselineEndpoint baselineEndpoint();

    /** {@code hub.ingest.json.*}: what the parser refuses, answered 400 {@code invalid_json} naming the limit. */
    interface Json {

        /** The deepest nesting of objects and arrays. */
        @WithDefault("64")
        int maxDepth();

        /** The longest string value, in characters. */
        @WithDefault("262144")
        int maxStringLength();

        /** The longest number, in characters. */
        @WithDefault("64")
        int maxNumberLength();

        /** The longest property name, in characters. */
        @WithDefault("256")
        int maxNameLength();

        /** The most tokens in one document (every value, name and bracket counts one). */
        @WithDefault("200000")
        long maxTokenCount();
    }

    /**
     * A token bucket per source: it holds up to {@code capacity} webhooks and refills at {@code refill-per-second};
     * a webhook finding it empty is answered 429 with {@code Retry-After}.
     */
    interface RateLimit {

        @WithDefault("1000")
        long capacity();

        @WithDefault("200")
        double refillPerSecond();
    }

    /** A source's own rate limit, {@code hub.ingest.sources.<name>.rate-limit.*}; what is unset is the default's. */
    interface SourceRateLimit {

        Optional<Long> capacity();

        Optional<Double> refillPerSecond();
    }

    /** The in-memory record of deliveries the broker already acknowledged. */
    interface Dedupe {

        @WithDefault("100000")
        long maxEntries();

        @WithDefault("24h")
        Duration expireAfter();
    }

    /** One webhook source, {@code hub.ingest.sources.<name>.*}. */
    interface Source {

        Signature signature();

        /** Where the delivery id is; with neither, or when it is absent, the SHA-256 (hex) of the body. */
        FieldLocation deliveryId();

        /** Where the source's order id is; exactly one of the two is required. */
        FieldLocation orderId();

        /**
         * Where a webhook may carry the hub's own id of what it is about, a hub order id followed by {@code :} and
         * more (a hub fulfillment id; Lightspeed's {@code /payload/source_id}): when present with a {@code :}, the
         * key is the text up to its last {@code :}. A JSON pointer; optional.
         */
        Optional<String> hubOrderIdJsonPointer();

        /**
         * The prefix of the key built from the order id, {@code <prefix>:<order id>}; the source's name when unset.
         * Lightspeed's is {@code lightspeed-sale}: a sale the hub did not make is no hub order.
         */
        Optional<String> keyPrefix();

        /** The CloudEvent type the webhook is published under, e.g. {@code hub.inbound.spresso-webhook.v1}; required. */
        Optional<String> cloudEventType();

        /**
         * How the body is read: {@code json} (a JSON object) or {@code form-payload} (a form whose {@code payload}
         * field holds a JSON object, found at {@code /payload/...}).
         */
        @WithDefault("json")
        String bodyFormat();

        /** This source's rate limit; unset values are {@code hub.ingest.rate-limit.*}'s. */
        SourceRateLimit rateLimit();
    }

    /** How a source signs its webhooks. */
    interface Signature {

        /** The request header carrying the signature; required. */
        Optional<String> header();

        /**
         * The verifier: {@code hmac-sha256} (over the raw body) or {@code spresso} (over the raw body,
         * else over its compact re-serialisation).
         */
        @WithDefault("hmac-sha256")
        String scheme();

        /** How the header encodes the digest: {@code base64} or {@code hex}. */
        @WithDefault("base64")
        String digestEncoding();

        /**
         * The secrets a webhook may be signed with: the current one, and during a rotation the previous
         * one too. None configured means every webhook of the source is refused. Never logged.
         */
        Optional<List<String>> secrets();

        /** How each secret gives the key's bytes: {@code utf8}, {@code hex} or {@code base64}. */
        @WithDefault("utf8")
        String secretEncoding();
    }

    /** Where a value is: a JSON pointer into the body ({@code /order/id}), or a request header. */
    interface FieldLocation {

        Optional<String> jsonPointer();

        Optional<String> header();
    }

    /** {@code POST /_baseline/read-body}, the benchmark's ceiling: reads the body and answers, nothing else. */
    interface BaselineEndpoint {

        /** Off in production; the benchmark turns it on. Off, the path answers 404. */
        @WithDefault("false")
        boolean enabled();
    }
}
