package io.fulfillmenthub.orchestrator.routing;

import io.fulfillmenthub.contracts.model.Fulfiller;
import io.fulfillmenthub.contracts.model.LineQuantity;
import io.fulfillmenthub.contracts.model.OrderLine;
import io.fulfillmenthub.contracts.model.SourceFulfillment;
import io.fulfillmenthub.contracts.model.Storefront;
import io.fulfillmenthub.orchestrator.domain.FormedFulfillment;
import io.fulfillmenthub.orchestrator.domain.FulfillmentForming;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Forms the fulfillments of a storefront that sends none (Squarespace) from its order's lines: per rule, in the
 * order configured, the lines whose SKU the rule lists go to its fulfiller (SPOD, or a Lightspeed outlet with a
 * store method); the lines no rule takes form one fulfillment on hold, "no routing rule lists SKU 'X' (line l)".
 * Ids {@code <source order id>-1}, {@code -2}, ... in that order. A storefront without
 * rules holds all its lines.
 */
public final class StorefrontRouting implements FulfillmentForming {

    private static final String SPOD = Fulfiller.SPOD.name().toLowerCase(Locale.ROOT);
    private static final String LIGHTSPEED = Fulfiller.LIGHTSPEED.name().toLowerCase(Locale.ROOT);
    /** Fulfillers a rule may name: those the hub routes to and has a product mapping for. */
    private static final List<String> FULFILLERS = List.of(SPOD, LIGHTSPEED);

    /** One rule: its SKUs, and for a store the outlet and method (null for SPOD). */
    private record Rule(Set<String> skus, String outlet, String method) {
    }

    private final Map<Storefront, List<Rule>> rules;

    private StorefrontRouting(Map<Storefront, List<Rule>> rules) {
        this.rules = rules;
    }

    /** As {@link #from(StorefrontRoutingConfig, Set, LightspeedRouting)} without store routing data. */
    public static StorefrontRouting from(StorefrontRoutingConfig config, Set<String> spodSkus) {
        return from(config, spodSkus, LightspeedRouting.NONE);
    }

    /**
     * Checks every rule and reports every problem at once, each with its key: an unknown storefront or
     * fulfiller, a rule without SKUs, a SKU without a product mapping of its fulfiller, a SKU in two rules, a
     * store rule without an outlet that offers its method.
     *
     * @param spodSkus the storefront SKUs SPOD's product mapping knows
     * @param lightspeed the store routing data (outlets, their methods, products)
     */
    public static StorefrontRouting from(StorefrontRoutingConfig config, Set<String> spodSkus,
            LightspeedRouting lightspeed) {
        List<String> problems = new ArrayList<>();
        Map<Storefront, List<Rule>> rules = new EnumMap<>(Storefront.class);
        config.storefronts().forEach((name, storefront) -> {
            String key = StorefrontRoutingConfig.PREFIX + "." + name;
            Storefront known = storefront(name);
            if (known == null) {
                problems.add(key + ": no such storefront (one of " + names() + ")");
                return;
            }
            Map<String, Integer> ruleOfSku = new HashMap<>();
            List<Rule> groups = new ArrayList<>();
            for (int i = 0; i < storefront.rules().size(); i++) {
                StorefrontRoutingConfig.Rule rule = storefront.rules().get(i);
                String ruleKey = key + ".rules[" + i + "]";
                String fulfiller = rule.fulfiller().trim().toLowerCase(Locale.ROOT);
                if (!FULFILLERS.contains(fulfiller)) {
                    problems.add(ruleKey + ".fulfiller: must be one of " + FULFILLERS + ", was '" + rule.fulfiller() + "'");
                }
                boolean store = fulfiller.equals(LIGHTSPEED);
                String outlet = rule.outlet().map(String::trim).filter(value -> !value.isEmpty()).orElse(null);
                String method = rule.method().map(String::trim).filter(value -> !value.isEmpty()).orElse(null);
                if (store) {
                    if (outlet == null) {
                        problems.add(ruleKey + ".outlet: required for lightspeed (one of " + lightspeed.outletNames() + ")");
                    } else if (!lightspeed.outletNames().contains(outlet)) {
                        problems.add(ruleKey + ".outlet: no outlet '" + outlet + "' (" + LightspeedRoutingConfig.PREFIX
                                + ".outlets: " + lightspeed.outletNames() + ")");
                    }
                    if (method == null) {
                        problems.add(ruleKey + ".method: required for lightspeed (one of " + lightspeed.storeMethods() + ")");
                    } else if (outlet != null && lightspeed.outletNames().contains(outlet)
                            && !lightspeed.offers(outlet, method)) {
                        problems.add(ruleKey + ".method: outlet " + outlet + " does not offer '" + method + "'");
                    }
                } else if (outlet != null || method != null) {
                    problems.add(ruleKey + (outlet != null ? ".outlet" : ".method") + ": only a lightspeed rule names one");
                }
                Set<String> skus = new LinkedHashSet<>();
                for (String sku : rule.skus()) {
                    String trimmed = sku.trim();
                    if (trimmed.isEmpty()) {
                        continue;
                    }
                    if (store && !lightspeed.mappedSkus().contains(trimmed)) {
                        problems.add(ruleKey + ".skus: SKU '" + trimmed + "' has no Lightspeed product mapping ("
                                + LightspeedRoutingConfig.PREFIX + ".products.\"" + trimmed + "\")");
                    } else if (!store && !spodSkus.contains(trimmed)) {
                        problems.add(ruleKey + ".skus: SKU '" + trimmed + "' has no SPOD product mapping ("
                                + SpodRoutingConfig.PREFIX + ".products.\"" + trimmed + "\")");
                    }
                    Integer other = ruleOfSku.putIfAbsent(trimmed, i);
                    if (other != null && other != i) {
                        problems.add(ruleKey + ".skus: SKU '" + trimmed + "' is in rules[" + other + "] already");
                    }
                    skus.add(trimmed);
                }
                if (skus.isEmpty()) {
                    problems.add(ruleKey + ".skus: must name at least one SKU");
                }
                groups.add(new Rule(Set.copyOf(skus), store ? outlet : null, store ? method : null));
            }
            rules.put(known, List.copyOf(groups));
        });
        if (!problems.isEmpty()) {
            throw new RoutingRulesException(problems);
        }
        return new StorefrontRouting(rules);
    }

    /** The storefront a configuration key names in lower case; null when none. */
    static Storefront storefront(String name) {
        for (Storefront storefront : Storefront.values()) {
            if (storefront.name().toLowerCase(Locale.ROOT).equals(name)) {
                return storefront;
            }
        }
        return null;
    }

    private static List<String> names() {
        return java.util.Arrays.stream(Storefront.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public List<FormedFulfillment> form(Storefront storefront, String sourceOrderId, List<OrderLine> lines) {
        List<FormedFulfillment> formed = new ArrayList<>();
        List<OrderLine> left = new ArrayList<>(lines);
        for (Rule rule : rules.getOrDefault(storefront, List.of())) {
            List<OrderLine> taken = left.stream().filter(line -> line.sku() != null && rule.skus().contains(line.sku()))
                    .toList();
            if (!taken.isEmpty()) {
                left.removeAll(taken);
                formed.add(new FormedFulfillment(fulfillment(sourceOrderId, formed.size() + 1, rule.method(), taken),
                        null, rule.outlet()));
            }
        }
        if (!left.isEmpty()) {
            String reason = rules.containsKey(storefront) ? left.stream()
                    .map(line -> line.sku() == null ? "line " + line.lineId() + " has no SKU"
                            : "no routing rule lists SKU '" + line.sku() + "' (line " + line.lineId() + ")")
                    .collect(Collectors.joining("; "))
                    : "no routing rules for " + storefront + " (" + StorefrontRoutingConfig.PREFIX + "."
                            + storefront.name().toLowerCase(Locale.ROOT) + ".rules)";
            formed.add(new FormedFulfillment(fulfillment(sourceOrderId, formed.size() + 1, null, left), reason));
        }
        return formed;
    }

    private static SourceFulfillment fulfillment(String sourceOrderId, int number, String method, List<OrderLine> lines) {
        return new SourceFulfillment(sourceOrderId + "-" + number, method, null,
                lines.stream().map(line -> new LineQuantity(line.lineId(), line.quantity())).toList());
    }
}
