package io.fulfillmenthub.storefront.spresso.translate;

import io.fulfillmenthub.storefront.config.SpressoConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A fulfiller's carrier name as Spresso's carrier code, through the one configured table
 * ({@code hub.spresso.carriers}, names matched case-insensitively); a name it lacks gets the configured
 * {@code hub.spresso.carrier-fallback}, never a code the hub made up.
 */
@Singleton
public class SpressoCarriers {

    /** @param fallback true when {@code carrier} was not in the table */
    public record Carrier(String code, boolean fallback) {
    }

    private final Map<String, String> codes;
    private final String fallback;

    @Inject
    SpressoCarriers(SpressoConfig config) {
        this(config.carriers(), config.carrierFallback());
    }

    public SpressoCarriers(Map<String, String> table, String fallback) {
        if (fallback == null || fallback.isBlank()) {
            throw new IllegalArgumentException("hub.spresso.carrier-fallback must name a code of Spresso's carrier enum");
        }
        Map<String, String> byName = new HashMap<>();
        table.forEach((name, code) -> byName.put(key(name), code.trim()));
        this.codes = Map.copyOf(byName);
        this.fallback = fallback.trim();
    }

    public Carrier of(String carrierName) {
        String code = codes.get(key(carrierName));
        return code != null ? new Carrier(code, false) : new Carrier(fallback, true);
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
