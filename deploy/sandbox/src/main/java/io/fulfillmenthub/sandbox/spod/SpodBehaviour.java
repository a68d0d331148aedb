package io.fulfillmenthub.sandbox.spod;

import io.fulfillmenthub.sandbox.config.SandboxConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What SPOD leaves undocumented, chosen per run so the hub can be proven against each possibility:
 * the shape of {@code GET /orders} (a bare array or an object wrapping one), its sort order, whether a
 * {@code confirmed} order ("in production") can still be cancelled, and the countries SPOD ships to.
 * Starts from {@code sandbox.spod.*}; the control API changes it, and a reset restores the configuration.
 */
@ApplicationScoped
public class SpodBehaviour {

    /** [unknown] the list's shape: the documented sample is collapsed to {@code {}}. */
    public enum ListShape {
        /** {@code [order, ...]} */
        ARRAY,
        /** {@code {"orders": [order, ...], "limit": n, "offset": k}}: the sandbox's guess at a wrapper */
        OBJECT
    }

    /** [unknown] the list's sort order. */
    public enum ListOrder {
        /** oldest {@code updated} first, then by id */
        UPDATED,
        /** oldest {@code created} first, then by id */
        CREATED,
        /** newest {@code updated} first, then by id */
        NEWEST_FIRST
    }

    /** The behaviour at one moment. */
    public record Settings(ListShape listShape, ListOrder listOrder, boolean cancelConfirmed,
            Set<String> shippingCountries) {

        public Settings {
            shippingCountries = Set.copyOf(new TreeSet<>(shippingCountries));
        }
    }

    private final SandboxConfig config;
    private volatile Settings settings;

    SpodBehaviour(SandboxConfig config) {
        this.config = config;
        reset();
    }

    public Settings settings() {
        return settings;
    }

    /** Changes what is given (non-null), keeps the rest. */
    public synchronized Settings change(ListShape listShape, ListOrder listOrder, Boolean cancelConfirmed,
            List<String> shippingCountries) {
        Settings now = settings;
        settings = new Settings(
                listShape != null ? listShape : now.listShape(),
                listOrder != null ? listOrder : now.listOrder(),
                cancelConfirmed != null ? cancelConfirmed : now.cancelConfirmed(),
                shippingCountries != null ? countries(shippingCountries) : now.shippingCountries());
        return settings;
    }

    /** Back to {@code sandbox.spod.*}. */
    public synchronized void reset() {
        SandboxConfig.Spod spod = config.spod();
        settings = new Settings(spod.listShape(), spod.listOrder(), spod.cancelConfirmed(),
                countries(spod.shippingCountries()));
    }

    /** Upper-case ISO 3166-1 alpha-2 codes. */
    static Set<String> countries(List<String> codes) {
        Set<String> countries = new TreeSet<>();
        for (String code : codes) {
            String normalized = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
            if (!normalized.matches("[A-Z]{2}")) {
                throw new IllegalArgumentException("shippingCountries: \"" + code
                        + "\" is not an ISO 3166-1 alpha-2 code such as US");
            }
            countries.add(normalized);
        }
        return countries;
    }
}
