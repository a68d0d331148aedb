package io.fulfillmenthub.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The ingest service's own settings, {@code hub.ingest.*}. */
@ConfigMapping(prefix = "hub.ingest")
public interface IngestConfig {

    /**
     * The largest webhook body accepted, in bytes; larger ones are answered 413. Must stay below
     * {@code quarkus.http.limits.max-body-size}, or Quarkus would answer them itself, without a JSON body.
     */
    @WithDefault("1048576")
    long maxBodyBytes();

    /** How long a webhook waits for the broker's ack before it is answered 503. */
    @WithDefault("8s")
    Duration publishTimeout();

    /** The {@code Retry-After} of a 503, in seconds. */
    @WithDefault("5")
    int retryAfterSeconds();

    Dedupe dedupe();

    Spresso spresso();

    BaselineEndpoint baselineEndpoint();

    /** The in-memory record of deliveries the broker already acknowledged. */
    interface Dedupe {

        @WithDefault("100000")
        long maxEntries();

        @WithDefault("24h")
        Duration expireAfter();
    }

    interface Spresso {

        /**
         * The client secrets a Spresso webhook may be signed with: the current one, and during a
         * rotation the previous one too. None configured means every Spresso webhook is refused.
         */
        Optional<List<String>> secrets();
    }

    /** {@code POST /_baseline/read-body}, the benchmark's ceiling: reads the body and answers, nothing else. */
    interface BaselineEndpoint {

        /** Off in production; the benchmark turns it on. Off, the path answers 404. */
        @WithDefault("false")
        boolean enabled();
    }
}
