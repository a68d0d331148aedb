package io.fulfillmenthub.ingest.service;

import io.fulfillmenthub.ingest.config.IngestConfig;
import io.fulfillmenthub.ingest.source.WebhookSource;
import io.fulfillmenthub.ingest.source.WebhookSources;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One {@link TokenBucket} per configured source, sized by {@code hub.ingest.sources.<name>.rate-limit.*}, else
 * by {@code hub.ingest.rate-limit.*}. Every request to a source's path takes a token before its body is read,
 * signed or not: the limit bounds the work a source's path can cause, so a flood of forgeries delays that
 * source's real webhooks (which its vendor sends again after a 429) instead of the whole service.
 */
@Singleton
public class SourceRateLimits {

    private final Map<String, TokenBucket> buckets;

    @Inject
    SourceRateLimits(IngestConfig config, WebhookSources sources) {
        this(config, sources, System::nanoTime);
    }

    SourceRateLimits(IngestConfig config, WebhookSources sources, LongSupplier nanoTime) {
        Map<String, TokenBucket> byName = new HashMap<>();
        for (WebhookSource source : sources.all()) {
            IngestConfig.SourceRateLimit own = config.sources().get(source.name()).rateLimit();
            long capacity = own.capacity().orElse(config.rateLimit().capacity());
            double refill = own.refillPerSecond().orElse(config.rateLimit().refillPerSecond());
            try {
                byName.put(source.name(), new TokenBucket(capacity, refill, nanoTime));
            } catch (IllegalArgumentException e) {
                String key = own.capacity().isPresent() || own.refillPerSecond().isPresent()
                        ? "hub.ingest.sources." + source.name() + ".rate-limit" : "hub.ingest.rate-limit";
                throw new IllegalStateException(key + ": " + e.getMessage(), e);
            }
        }
        buckets = Map.copyOf(byName);
    }

    /** @return 0 when the request may go on, else the seconds to answer in {@code Retry-After} */
    public long tryTake(String source) {
        TokenBucket bucket = buckets.get(source);
        return bucket == null ? 0 : bucket.tryTake();
    }
}
