package io.fulfillmenthub.ingest.service;

import java.util.Locale;

/**
 * What a webhook signature was found to cover: the bytes as received, or ([unknown] for Spresso) the
 * compact re-serialisation of the parsed body, as {@code JSON.stringify(req.body)} in Spresso's sample.
 */
public enum SignatureForm {
    RAW, COMPACT;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
