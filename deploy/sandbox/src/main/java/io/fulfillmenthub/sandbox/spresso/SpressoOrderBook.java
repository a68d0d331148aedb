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
import java.util.regex.Pattern;

/** The orders the simulated Spresso storefront has taken, in memory, found by order or fulfillment id. */
@ApplicationScoped
public class SpressoOrderBook {

    private static final long FIRST_ORDER_NO = 1001;
    /** Spresso names a fulfiller location by an opaque id (the documented example's). */
    public static final String DEFAULT_FULFILLER_LOCATION = "60d56d8e7c88cefd11e7dfc6";
    static final String CARRIER_DELIVERY = "carrier_delivery";
    /** [unknown] Spresso names only carrier_delivery; its values for store pickup and local delivery are assumed. */
    static final List<String> FULFILLMENT_METHODS = List.of(CARRIER_DELIVERY, "pickup", "local_delivery");
    private static final Pattern ALPHA3 = Pattern.compile("[A-Z]{3}");

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
        Instant now = now();
        List<SpressoOrder.Line> lines = lines(request.lines(), now);
        List<NewSpressoOrder.FulfillmentRequest> asked = request.fulfillments() == null || request.fulfillments().isEmpty()
                ? List.of(new NewSpressoOrder.FulfillmentRequest(allIndexes(lines.size())))
                : request.fulfillments();
        String orderLocation = Optional.ofNullable(request.fulfillerLocation()).orElse(DEFAULT_FULFILLER_LOCATION);
        List<List<Integer>> groups = new ArrayList<>();
        List<String> methods = new ArrayList<>();
        List<String> locations = new ArrayList<>();
        for (int f = 0; f < asked.size(); f++) {
            NewSpressoOrder.FulfillmentRequest fulfillment = asked.get(f);
            if (fulfillment == null) {
                throw new IllegalArgumentException("fulfillments[" + f + "]: must name at least one line");
            }
            if (fulfillment.problem() != null) {
                throw new IllegalArgumentException("fulfillments[" + f + "]." + fulfillment.problem());
            }
            String method = Optional.ofNullable(fulfillment.fulfillmentMethod()).orElse(CARRIER_DELIVERY);
            if (!FULFILLMENT_METHODS.contains(method)) {
                throw new IllegalArgumentException("fulfillments[" + f + "].fulfillmentMethod: must be one of "
                        + String.join(", ", FULFILLMENT_METHODS) + ", was " + method);
            }
            groups.add(fulfillment.lines());
            methods.add(method);
            locations.add(Optional.ofNullable(fulfillment.fulfillerLocation()).orElse(orderLocation));
        }
        checkEveryLineOnce(groups, lines.size());
        List<String> fulfillmentIds = new ArrayList<>();
        groups.forEach(group -> fulfillmentIds.add(SpressoIds.objectId(now)));
        if (request.orderNo() != null && request.orderNo() < 1) {
            throw new IllegalArgumentException("orderNo: must be a positive number");
        }
        long orderNo = request.orderNo() == null ? orderNumbers.getAndIncrement() : request.orderNo();
        SpressoOrder order = new SpressoOrder(SpressoIds.objectId(now), orderNo,
                new SpressoOrderJson.User(SpressoIds.objectId(now),
                        Optional.ofNullable(request.email()).orElse("elena.wu@example.com"),
                        Optional.ofNullable(request.telephoneNumber()).orElse("01234567890")),
                address(request.shippingAddress()),
                lines, groups, fulfillmentIds, methods, locations, now);
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

    private static List<SpressoOrder.Line> lines(List<NewSpressoOrder.Line> requested, Instant now) {
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
            lines.add(new SpressoOrder.Line(SpressoIds.objectId(now), variantId, line.sku(), line.upc(),
                    Optional.ofNullable(line.name()).orElse(line.sku()), line.quantity()));
        }
        return lines;
    }

    private static SpressoAddress address(SpressoAddress given) {
        if (given == null) {
            return SpressoAddress.sample();
        }
        for (var field : new String[][] {{"firstName", given.firstName()}, {"lastName", given.lastName()},
                {"addressLine1", given.addressLine1()}, {"city", given.city()}, {"postalCode", given.postalCode()},
                {"country", given.country()}}) {
            if (field[1] == null || field[1].isBlank()) {
                throw new IllegalArgumentException("shippingAddress." + field[0] + ": is required");
            }
        }
        if (!ALPHA3.matcher(given.country()).matches()) {
            throw new IllegalArgumentException("shippingAddress.country: must be an ISO 3166-1 alpha-3 code such as \"USA\"");
        }
        return given;
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
