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
 * order configured, the lines whose SKU the rule lists go to its fulfiller; the lines no rule takes form one
 * fulfillment on hold, "no fulfiller for SKU 'X' until a store channel exists". Ids {@code <source order id>-1},
 * {@code -2}, ... in that order. A storefront without rules holds all its lines.
 */
public final class StorefrontRouting implements FulfillmentForming {

    /** Fulfillers a rule may name: those the hub routes to and has a product mapping for. */
    private static final Set<String> FULFILLERS = Set.of(Fulfiller.SPOD.name().toLowerCase(Locale.ROOT));

    private final Map<Storefront, List<Set<String>>> rules;

    private StorefrontRouting(Map<Storefront, List<Set<String>>> rules) {
        this.rules = rules;
    }

    /**
     * Checks every rule and reports every problem at once, each with its key: an unknown storefront or
     * fulfiller, a rule without SKUs, a SKU without a SPOD product mapping, a SKU in two rules.
     *
     * @param spodSkus the storefront SKUs SPOD's product mapping knows
     */
    public static StorefrontRouting from(StorefrontRoutingConfig config, Set<String> spodSkus) {
        List<String> problems = new ArrayList<>();
        Map<Storefront, List<Set<String>>> rules = new EnumMap<>(Storefront.class);
        config.storefronts().forEach((name, storefront) -> {
            String key = StorefrontRoutingConfig.PREFIX + "." + name;
            Storefront known = storefront(name);
            if (known == null) {
                problems.add(key + ": no such storefront (one of " + names() + ")");
                return;
            }
            Map<String, Integer> ruleOfSku = new HashMap<>();
            List<Set<String>> groups = new ArrayList<>();
            for (int i = 0; i < storefront.rules().size(); i++) {
                StorefrontRoutingConfig.Rule rule = storefront.rules().get(i);
                String ruleKey = key + ".rules[" + i + "]";
                if (!FULFILLERS.contains(rule.fulfiller().trim().toLowerCase(Locale.ROOT))) {
                    problems.add(ruleKey + ".fulfiller: must be one of " + FULFILLERS + ", was '" + rule.fulfiller() + "'");
                }
                Set<String> skus = new LinkedHashSet<>();
                for (String sku : rule.skus()) {
                    String trimmed = sku.trim();
                    if (trimmed.isEmpty()) {
                        continue;
                    }
                    if (!spodSkus.contains(trimmed)) {
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
                groups.add(Set.copyOf(skus));
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
        for (Set<String> skus : rules.getOrDefault(storefront, List.of())) {
            List<OrderLine> taken = left.stream().filter(line -> line.sku() != null && skus.contains(line.sku())).toList();
            if (!taken.isEmpty()) {
                left.removeAll(taken);
                formed.add(new FormedFulfillment(fulfillment(sourceOrderId, formed.size() + 1, taken), null));
            }
        }
        if (!left.isEmpty()) {
            String reason = rules.containsKey(storefront) ? left.stream()
                    .map(line -> line.sku() == null ? "line " + line.lineId() + " has no SKU"
                            : "no fulfiller for SKU '" + line.sku() + "' (line " + line.lineId() + ")")
                    .collect(Collectors.joining("; ")) + " until a store channel exists"
                    : "no routing rules for " + storefront + " (" + StorefrontRoutingConfig.PREFIX + "."
                            + storefront.name().toLowerCase(Locale.ROOT) + ".rules)";
            formed.add(new FormedFulfillment(fulfillment(sourceOrderId, formed.size() + 1, left), reason));
        }
        return formed;
    }

    private static SourceFulfillment fulfillment(String sourceOrderId, int number, List<OrderLine> lines) {
        return new SourceFulfillment(sourceOrderId + "-" + number, null, null,
                lines.stream().map(line -> new LineQuantity(line.lineId(), line.quantity())).toList());
    }
}
