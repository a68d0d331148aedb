package io.fulfillmenthub.ingest.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fulfillmenthub.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The CloudEvent ids of deliveries the broker has acknowledged, each with the digest of its content, bounded
 * and in memory, so a vendor's retry is answered without publishing again and another webhook reusing the id is
 * refused. A best effort (lost on restart, evicted when full): consumers' inboxes stay the guarantee, since a
 * retry carries the same id.
 */
@ApplicationScoped
public class AcceptedDeliveries {

    private final Cache<String, String> acknowledged;

    @Inject
    AcceptedDeliveries(IngestConfig config) {
        acknowledged = Caffeine.newBuilder()
                .maximumSize(config.dedupe().maxEntries())
                .expireAfterWrite(config.dedupe().expireAfter())
                .build();
    }

    /** The digest of the content acknowledged under this id; null when none is remembered. */
    public String digestOf(String id) {
        return acknowledged.getIfPresent(id);
    }

    /** Call only once the broker has acknowledged the record. */
    public void add(String id, String digest) {
        acknowledged.put(id, digest);
    }
}
