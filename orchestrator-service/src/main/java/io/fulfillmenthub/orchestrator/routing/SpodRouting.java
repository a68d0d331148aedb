package io.fulfillmenthub.orchestrator.routing;

import io.fulfillmenthub.contracts.commands.SubmitPrintOrder;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.fulfillmenthub.contracts.model.OrderLine;
import io.fulfillmenthub.contracts.model.SourceFulfillment;
import io.fulfillmenthub.orchestrator.domain.FulfillmentRouting;
import io.fulfillmenthub.orchestrator.domain.Route;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Routes a storefront fulfillment to SPOD when its location is one SPOD serves and every line's SKU
 * has a product mapping; otherwise it goes on hold with a reason naming the location, line or SKU.
 */
public final class SpodRouting implements FulfillmentRouting {

    private static final Set<String> SIDES = Set.of("front", "back");

    private final Set<String> locations;
    private final String currency;
    private final String shippingType;
    private final BigDecimal shippingPrice;
    private final Map<String, Product> products;

    private record Product(String stockKeepingUnit, BigDecimal price, List<SubmitPrintOrder.Design> designs) {
    }

    private SpodRouting(Set<String> locations, String currency, String shippingType, BigDecimal shippingPrice,
            Map<String, Product> products) {
        this.locations = locations;
        this.currency = currency;
        this.shippingType = shippingType;
        this.shippingPrice = shippingPrice;
        this.products = products;
    }

    /** Checks the whole mapping and reports every problem at once, each with its key. */
    public static SpodRouting from(SpodRoutingConfig config) {
        String prefix = SpodRoutingConfig.PREFIX;
        List<String> problems = new ArrayList<>();
        if (config.locations().stream().allMatch(String::isBlank)) {
            problems.add(prefix + ".locations: must name at least one location");
        }
        if (!config.currency().matches("[A-Z]{3}")) {
            problems.add(prefix + ".currency: must be an ISO 4217 code like USD, was '" + config.currency() + "'");
        }
        if (config.shipping().type().isBlank()) {
            problems.add(prefix + ".shipping.type: must not be blank");
        }
        if (config.shipping().price().signum() < 0) {
            problems.add(prefix + ".shipping.price: must not be negative, was " + config.shipping().price());
        }
        Map<String, Product> products = new LinkedHashMap<>();
        config.products().forEach((sku, product) -> {
            String key = prefix + ".products.\"" + sku + "\"";
            int before = problems.size();
            if (product.stockKeepingUnit().isBlank()) {
                problems.add(key + ".stock-keeping-unit: must not be blank");
            }
            if (product.price().signum() < 0) {
                problems.add(key + ".price: must not be negative, was " + product.price());
            }
            if (product.designs().isEmpty()) {
                problems.add(key + ".designs: at least one design is required (designs[0].side, designs[0].url)");
            }
            List<SubmitPrintOrder.Design> designs = new ArrayList<>();
            for (int i = 0; i < product.designs().size(); i++) {
                SpodRoutingConfig.Design design = product.designs().get(i);
                String designKey = key + ".designs[" + i + "]";
                if (!SIDES.contains(design.side())) {
                    problems.add(designKey + ".side: must be front or back, was '" + design.side() + "'");
                }
                if (design.align().filter(align -> !align.isBlank()).isEmpty()) {
                    problems.add(designKey + ".align: must not be blank (SPOD's order API asks for it, e.g. center)");
                }
                if (!isHttpUrl(design.url())) {
                    problems.add(designKey + ".url: must be an absolute http(s) URL, was '" + design.url() + "'");
                }
                designs.add(new SubmitPrintOrder.Design(design.side(), design.align().orElse(null), design.url()));
            }
            if (problems.size() == before) {
                products.put(sku, new Product(product.stockKeepingUnit(), product.price(), List.copyOf(designs)));
            }
        });
        if (!problems.isEmpty()) {
            throw new ProductMappingException(problems);
        }
        Set<String> locations = config.locations().stream().map(location -> location.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        return new SpodRouting(locations, config.currency(), config.shipping().type(), config.shipping().price(),
                Map.copyOf(products));
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public Route route(SourceFulfillment fulfillment, Map<String, OrderLine> orderLines) {
        String location = fulfillment.location();
        if (location != null && !locations.contains(location.trim().toLowerCase(Locale.ROOT))) {
            return new Route.Hold("no fulfiller serves location '" + location + "' (fulfillment "
                    + fulfillment.sourceFulfillmentId() + ")");
        }
        MappedLines<SubmitPrintOrder.Item> items = MappedLines.of(fulfillment, orderLines, products, "SPOD",
                (line, product, quantity) -> new SubmitPrintOrder.Item(line.lineId(), product.stockKeepingUnit(), quantity,
                        product.price(), product.designs()));
        if (items.holdReason() != null) {
            return new Route.Hold(items.holdReason());
        }
        return new Route.Print(Fulfiller.SPOD, currency, items.items(), shippingType, shippingPrice);
    }

    /** The storefront SKUs this routing knows. */
    public Set<String> mappedSkus() {
        return products.keySet();
    }
}
