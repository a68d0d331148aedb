package io.fulfillmenthub.sandbox.spresso;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/** The orders the simulated Spresso storefront has taken, in memory, found by order or fulfillment id. */
@ApplicationScoped
public class SpressoOrderBook {

    private static final long FIRST_ORDER_NO = 1001;

    private final ConcurrentMap<String, SpressoOrder> orders = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, SpressoOrder> byFulfillment = new ConcurrentHashMap<>();
    private final AtomicLong orderNumbers = new AtomicLong(FIRST_ORDER_NO);
    private final Clock clock;

    SpressoOrderBook(Clock clock) {
        this.clock = clock;
    }

    /**
     * Takes a paid order.
     *
     * @throws IllegalArgumentException when the request does not describe a valid order
     */
    public SpressoOrder create(NewSpressoOrder request) {
        List<SpressoOrder.Line> lines = lines(request.lines());
        List<List<Integer>> groups = request.fulfillments() == null || request.fulfillments().isEmpty()
                ? List.of(allIndexes(lines.size()))
                : request.fulfillments();
        checkEveryLineOnce(groups, lines.size());
        Instant now = now();
        List<String> fulfillmentIds = new ArrayList<>();
        groups.forEach(group -> fulfillmentIds.add(SpressoIds.objectId(now)));
        String orderNo = request.orderNo() == null || request.orderNo().isBlank()
                ? Long.toString(orderNumbers.getAndIncrement())
                : request.orderNo();
        SpressoOrder order = new SpressoOrder(SpressoIds.objectId(now), orderNo,
                Optional.ofNullable(request.email()).orElse("ada@example.com"),
                Optional.ofNullable(request.shippingAddress()).orElseGet(SpressoAddress::sample),
                lines, groups, fulfillmentIds,
                Optional.ofNullable(request.fulfillerLocation()).orElse("spod"), now);
        orders.put(order.id(), order);
        order.fulfillmentIds().forEach(id -> byFulfillment.put(id, order));
        return order;
    }

    /**
     * Cancels the order as the admin console would.
     *
     * @throws IllegalStateException when it is already cancelled
     */
    public void cancel(SpressoOrder order) {
        order.cancel(now());
    }

    public Optional<SpressoOrder> find(String orderId) {
        return Optional.ofNullable(orders.get(orderId));
    }

    public Optional<SpressoOrder> findByFulfillment(String fulfillmentId) {
        return Optional.ofNullable(byFulfillment.get(fulfillmentId));
    }

    public List<SpressoOrder> all() {
        return List.copyOf(orders.values());
    }

    /** Forgets every order (the control API's reset); order numbers keep counting. */
    public void clear() {
        orders.clear();
        byFulfillment.clear();
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static List<SpressoOrder.Line> lines(List<NewSpressoOrder.Line> requested) {
        if (requested == null || requested.isEmpty()) {
            throw new IllegalArgumentException("lines: must be a non-empty array");
        }
        List<SpressoOrder.Line> lines = new ArrayList<>();
        Set<String> variants = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            NewSpressoOrder.Line line = requested.get(i);
            if (line == null || line.sku() == null || line.sku().isBlank()) {
                throw new IllegalArgumentException("lines[" + i + "].sku: is required");
            }
            if (line.quantity() < 1) {
                throw new IllegalArgumentException("lines[" + i + "].quantity: must be at least 1");
            }
            String variantId = line.variantId() == null || line.variantId().isBlank()
                    ? SpressoIds.variantIdForSku(line.sku())
                    : line.variantId();
            if (!variants.add(variantId)) {
                throw new IllegalArgumentException("lines[" + i + "]: variant " + variantId
                        + " (sku " + line.sku() + ") is already a line of this order");
            }
            lines.add(new SpressoOrder.Line(variantId, line.sku(),
                    Optional.ofNullable(line.name()).orElse(line.sku()), line.quantity()));
        }
        return lines;
    }

    private static List<Integer> allIndexes(int count) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(i);
        }
        return all;
    }

    private static void checkEveryLineOnce(List<List<Integer>> groups, int lineCount) {
        Set<Integer> seen = new HashSet<>();
        for (int f = 0; f < groups.size(); f++) {
            List<Integer> group = groups.get(f);
            if (group == null || group.isEmpty()) {
                throw new IllegalArgumentException("fulfillments[" + f + "]: must name at least one line");
            }
            for (Integer index : group) {
                if (index == null || index < 0 || index >= lineCount) {
                    throw new IllegalArgumentException("fulfillments[" + f + "]: " + index + " is not a line index");
                }
                if (!seen.add(index)) {
                    throw new IllegalArgumentException("fulfillments[" + f + "]: line " + index
                            + " is already in a fulfillment");
                }
            }
        }
        if (seen.size() != lineCount) {
            throw new IllegalArgumentException("fulfillments: every line must be in one fulfillment");
        }
    }
}
