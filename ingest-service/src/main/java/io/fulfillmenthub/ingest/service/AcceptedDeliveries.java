package io.fulfillmenthub.ingest.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fulfillmenthub.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The CloudEvent ids of deliveries the broker has acknowledged, bounded and in memory, so a vendor's
 * retry is answered without publishing again. A best effort (lost on restart, evicted when full):
 * consumers' inboxes stay the guarantee, since a retry carries the same id.
 */
@ApplicationScoped
public class AcceptedDeliveries {

    private final Cache<String, Boolean> acknowledged;

    @Inject
    AcceptedDeliveries(IngestConfig config) {
        acknowledged = Caffeine.newBuilder()
                .maximumSize(config.dedupe().maxEntries())
                .expireAfterWrite(config.dedupe().expireAfter())
                .build();
    }

    public boolean contains(String id) {
        return acknowledged.getIfPresent(id) != null;
    }

    /** Call only once the broker has acknowledged the record. */
    public void add(String id) {
        acknowledged.put(id, Boolean.TRUE);
    }
}
