package io.fulfillmenthub.ingest.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Counters of webhooks by outcome, tagged with the source ({@code spresso}); rejections also with the
 * reason. In Prometheus: {@code hub_ingest_webhooks_accepted_total}, {@code ..._duplicates_total},
 * {@code ..._rejected_total}, {@code ..._unavailable_total}; and which form of the body a signature
 * matched, {@code hub_webhook_signature_matched_total} (tag {@code form}, {@code raw} or {@code compact}).
 */
@ApplicationScoped
public class WebhookMetrics {

    public static final String ACCEPTED = "hub.ingest.webhooks.accepted";
    public static final String DUPLICATES = "hub.ingest.webhooks.duplicates";
    public static final String REJECTED = "hub.ingest.webhooks.rejected";
    public static final String UNAVAILABLE = "hub.ingest.webhooks.unavailable";
    /** Which form of the body a valid signature covered: {@code hub_webhook_signature_matched_total{source, form}}. */
    public static final String SIGNATURE_MATCHED = "hub.webhook.signature.matched";

    @Inject
    MeterRegistry registry;

    public void accepted(String source) {
        registry.counter(ACCEPTED, "source", source).increment();
    }

    public void duplicate(String source) {
        registry.counter(DUPLICATES, "source", source).increment();
    }

    public void rejected(String source, Rejection reason) {
        registry.counter(REJECTED, "source", source, "reason", reason.code()).increment();
    }

    public void signatureMatched(String source, SignatureForm form) {
        registry.counter(SIGNATURE_MATCHED, "source", source, "form", form.tag()).increment();
    }

    public void unavailable(String source) {
        registry.counter(UNAVAILABLE, "source", source).increment();
    }
}
