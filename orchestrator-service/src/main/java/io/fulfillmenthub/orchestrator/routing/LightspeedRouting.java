package io.fulfillmenthub.orchestrator.routing;

import io.fulfillmenthub.contracts.commands.CreateSale;
import io.fulfillmenthub.contracts.commands.SaleMode;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.fulfillmenthub.contracts.model.OrderLine;
import io.fulfillmenthub.contracts.model.SourceFulfillment;
import io.fulfillmenthub.orchestrator.domain.Route;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Routes a storefront fulfillment whose method a store fulfils (pickup, local delivery) to the Lightspeed outlet
 * that serves its location with that method, as a sale of the mapped products; otherwise it goes on hold with a
 * reason naming the location, line or SKU. Routing rules (Squarespace) name the outlet directly.
 */
public final class LightspeedRouting {

    /** No store routing data: no method is a store's. */
    public static final LightspeedRouting NONE = new LightspeedRouting(Map.of(), Map.of(), Map.of(), Map.of());

    private final Map<String, SaleMode> methods;
    private final Map<String, Outlet> outlets;
    /** {@code <location lower-case>/<method>} → outlet name. */
    private final Map<String, String> outletByLocation;
    private final Map<String, Product> products;

    private record Outlet(String name, String outletId, String registerId, String userId, Set<String> methods) {
    }

    private record Product(String productId, BigDecimal price, BigDecimal tax, String taxId) {
    }

    private LightspeedRouting(Map<String, SaleMode> methods, Map<String, Outlet> outlets,
            Map<String, String> outletByLocation, Map<String, Product> products) {
        this.methods = methods;
        this.outlets = outlets;
        this.outletByLocation = outletByLocation;
        this.products = products;
    }

    /** Checks the whole routing data and reports every problem at once, each with its key, in the order of the keys. */
    public static LightspeedRouting from(LightspeedRoutingConfig config) {
        String prefix = LightspeedRoutingConfig.PREFIX;
        List<String> problems = new ArrayList<>();
        Map<String, SaleMode> methods = new LinkedHashMap<>();
        new TreeMap<>(config.methods()).forEach((method, mode) -> {
            SaleMode known = mode(mode);
            if (known == null) {
                problems.add(prefix + ".methods." + method + ": must be pickup or delivery, was '" + mode + "'");
            } else {
                methods.put(method(method), known);
            }
        });
        Map<String, Outlet> outlets = new LinkedHashMap<>();
        Map<String, String> outletByLocation = new HashMap<>();
        new TreeMap<>(config.outlets()).forEach((name, outlet) -> {
            String key = prefix + ".outlets." + name;
            int before = problems.size();
            requireText(outlet.outletId(), key + ".outlet-id", problems);
            requireText(outlet.registerId(), key + ".register-id", problems);
            requireText(outlet.userId(), key + ".user-id", problems);
            Set<String> offered = new java.util.LinkedHashSet<>();
            for (String method : outlet.methods()) {
                if (method.isBlank()) {
                    continue;
                }
                if (!methods.containsKey(method(method))) {
                    problems.add(key + ".methods: '" + method.trim() + "' is not a store method (one of "
                            + new TreeSet<>(methods.keySet()) + ", " + prefix + ".methods)");
                }
                offered.add(method(method));
            }
            if (offered.isEmpty()) {
                problems.add(key + ".methods: must name at least one of " + new TreeSet<>(methods.keySet()));
            }
            for (String location : outlet.locations().orElse(List.of())) {
                if (location.isBlank()) {
                    continue;
                }
                for (String method : offered) {
                    String other = outletByLocation.putIfAbsent(location(location) + "/" + method, name);
                    if (other != null && !other.equals(name)) {
                        problems.add(key + ".locations: location '" + location.trim() + "' for " + method
                                + " is served by outlet " + other + " already");
                    }
                }
            }
            if (problems.size() == before) {
                outlets.put(name, new Outlet(name, outlet.outletId().trim(), outlet.registerId().trim(),
                        outlet.userId().trim(), Set.copyOf(offered)));
            }
        });
        Map<String, Product> products = new LinkedHashMap<>();
        new TreeMap<>(config.products()).forEach((sku, product) -> {
            String key = prefix + ".products.\"" + sku + "\"";
            int before = problems.size();
            requireText(product.productId(), key + ".product-id", problems);
            requireText(product.taxId(), key + ".tax-id", problems);
            if (product.price().signum() < 0) {
                problems.add(key + ".price: must not be negative, was " + product.price());
            }
            if (product.tax().signum() < 0) {
                problems.add(key + ".tax: must not be negative, was " + product.tax());
            }
            if (problems.size() == before) {
                products.put(sku, new Product(product.productId().trim(), product.price(), product.tax(),
                        product.taxId().trim()));
            }
        });
        if (!problems.isEmpty()) {
            throw new LightspeedRoutingException(problems);
        }
        return new LightspeedRouting(Map.copyOf(methods), Map.copyOf(outlets), Map.copyOf(outletByLocation),
                Map.copyOf(products));
    }

    private static void requireText(String value, String key, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(key + ": must not be blank");
        }
    }

    private static @Nullable SaleMode mode(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "pickup" -> SaleMode.PICKUP;
            case "delivery" -> SaleMode.DELIVERY;
            default -> null;
        };
    }

    private static String method(String method) {
        return method.trim().toLowerCase(Locale.ROOT);
    }

    private static String location(String location) {
        return location.trim().toLowerCase(Locale.ROOT);
    }

    /** Whether a storefront fulfillment with this method is a store's (pickup, local delivery). */
    public boolean isStoreMethod(@Nullable String method) {
        return method != null && methods.containsKey(method(method));
    }

    /** A store fulfillment from a storefront that names its location (Spresso's {@code fulfillerLocation}). */
    public Route route(SourceFulfillment fulfillment, Map<String, OrderLine> orderLines) {
        String method = method(fulfillment.method());
        String location = fulfillment.location();
        if (location == null || location.isBlank()) {
            return new Route.Hold("fulfillment " + fulfillment.sourceFulfillmentId() + " is for " + method
                    + " but names no location: no Lightspeed outlet to send it to");
        }
        String outlet = outletByLocation.get(location(location) + "/" + method);
        if (outlet == null) {
            return new Route.Hold("no Lightspeed outlet serves location '" + location + "' for " + method
                    + " (fulfillment " + fulfillment.sourceFulfillmentId() + ", " + LightspeedRoutingConfig.PREFIX
                    + ".outlets)");
        }
        return toOutlet(outlet, method, fulfillment, orderLines);
    }

    /**
     * A store fulfillment to the named outlet with the storefront method given (a routing rule's).
     */
    public Route toOutlet(String outletName, String method, SourceFulfillment fulfillment,
            Map<String, OrderLine> orderLines) {
        Outlet outlet = outlets.get(outletName);
        SaleMode mode = methods.get(method(method));
        if (outlet == null || mode == null || !outlet.methods().contains(method(method))) {
            return new Route.Hold("Lightspeed outlet " + outletName + " does not take " + method + " (fulfillment "
                    + fulfillment.sourceFulfillmentId() + ")");
        }
        MappedLines<CreateSale.Line> lines = MappedLines.of(fulfillment, orderLines, products, "Lightspeed",
                (line, product, quantity) -> new CreateSale.Line(line.lineId(), product.productId(), quantity,
                        product.price(), product.tax(), product.taxId()));
        if (lines.holdReason() != null) {
            return new Route.Hold(lines.holdReason());
        }
        return new Route.Store(Fulfiller.LIGHTSPEED, outlet.name(), outlet.outletId(), outlet.registerId(),
                outlet.userId(), mode, lines.items());
    }

    /** Whether the outlet exists and offers the method (for the routing rules' check at start). */
    boolean offers(String outletName, String method) {
        Outlet outlet = outlets.get(outletName);
        return outlet != null && outlet.methods().contains(method(method));
    }

    /** Sorted, for messages. */
    Set<String> outletNames() {
        return new TreeSet<>(outlets.keySet());
    }

    /** The storefront SKUs this routing knows. */
    public Set<String> mappedSkus() {
        return products.keySet();
    }

    /** The storefront methods a store fulfils. */
    public Set<String> storeMethods() {
        return new TreeSet<>(methods.keySet());
    }
}
