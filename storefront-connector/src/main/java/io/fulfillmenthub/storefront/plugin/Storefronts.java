package io.fulfillmenthub.storefront.plugin;

import io.fulfillmenthub.contracts.model.Storefront;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The storefront plug-ins of this connector, by {@link Storefront}; two for one storefront stop the start. */
@ApplicationScoped
public class Storefronts {

    private final Map<Storefront, StorefrontPlugin> plugins = new EnumMap<>(Storefront.class);

    public Storefronts(Instance<StorefrontPlugin> found) {
        for (StorefrontPlugin plugin : found) {
            StorefrontPlugin before = plugins.put(plugin.storefront(), plugin);
            if (before != null) {
                throw new IllegalStateException("two storefront plug-ins for " + plugin.storefront() + ": "
                        + before.getClass().getName() + " and " + plugin.getClass().getName());
            }
        }
    }

    /** The plug-in of this storefront; empty when the connector has none (yet). */
    public Optional<StorefrontPlugin> of(Storefront storefront) {
        return Optional.ofNullable(plugins.get(storefront));
    }

    public Collection<StorefrontPlugin> all() {
        return plugins.values();
    }
}
