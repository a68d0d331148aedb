package io.fulfillmenthub.orchestrator.routing;

import io.smallrye.config.ConfigMapping;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which Lightspeed X-Series outlets take storefront fulfillments for pickup or local delivery, and what each
 * storefront SKU is there: {@code hub.routing.lightspeed.methods.<storefront method>},
 * {@code hub.routing.lightspeed.outlets.<name>.*} and {@code hub.routing.lightspeed.products."<storefront SKU>".*}.
 * Checked at start by {@link LightspeedRouting#from}; a missing key or bad value stops startup, naming the key.
 */
@ConfigMapping(prefix = LightspeedRoutingConfig.PREFIX)
public interface LightspeedRoutingConfig {

    String PREFIX = "hub.routing.lightspeed";

    /**
     * Storefront fulfillment methods a store fulfils, each with its sale mode: {@code pickup} (a sale awaiting
     * pickup) or {@code delivery} (awaiting dispatch), e.g. {@code pickup=pickup}, {@code local_delivery=delivery}.
     * A storefront fulfillment with another method (e.g. {@code carrier_delivery}) is not a store's.
     */
    Map<String, String> methods();

    /** By outlet name (the hub's, e.g. {@code main-street}). */
    Map<String, Outlet> outlets();

    /** By storefront SKU. */
    Map<String, Product> products();

    interface Outlet {
        /** The outlet's id at Lightspeed: the sale's {@code fulfillment_outlet_id}. */
        String outletId();

        /** A register at that outlet: the sale's {@code register_id}. */
        String registerId();

        /** The Lightspeed user the sale is recorded under: the sale's {@code user_id}. */
        String userId();

        /** Storefront locations (Spresso's {@code fulfillerLocation} ids) this outlet serves; none: rules only. */
        Optional<List<String>> locations();

        /** Which of {@link #methods()} the outlet offers. */
        List<String> methods();
    }

    interface Product {
        /** Lightspeed's product id. */
        String productId();

        /** The unit price, tax excluded. */
        BigDecimal price();

        /** The tax on one unit. */
        BigDecimal tax();

        /** Lightspeed's tax id. */
        String taxId();
    }
}
