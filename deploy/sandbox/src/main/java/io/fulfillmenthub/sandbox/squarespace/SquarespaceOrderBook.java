package io.fulfillmenthub.sandbox.squarespace;

import io.fulfillmenthub.sandbox.squarespace.SquarespaceOrderJson.Address;
import io.fulfillmenthub.sandbox.squarespace.SquarespaceOrderJson.LineItem;
import io.fulfillmenthub.sandbox.squarespace.SquarespaceOrderJson.Money;
import io.fulfillmenthub.sandbox.squarespace.SquarespaceOrderJson.Shipment;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The orders of the simulated Squarespace store, in memory. Every change is stamped and applied under one lock
 * that listing shares, and {@code modifiedOn} moves strictly forward (millisecond precision), so a poller of
 * {@code modifiedAfter} windows sees every change in the order of its time.
 */
@ApplicationScoped
public class SquarespaceOrderBook {

    static final int PAGE_SIZE = 50;
    private static final long FIRST_ORDER_NUMBER = 1001;
    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d{1,2})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Address DEFAULT_ADDRESS = new Address("Elena", "Wu", "1460 Broadway", null, "New York", "NY",
            "US", "10036", "+1 212 555 0100");

    private final Map<String, SquarespaceOrder> orders = new ConcurrentHashMap<>();
    private final AtomicLong orderNumbers = new AtomicLong(FIRST_ORDER_NUMBER);
    private final Clock clock;
    private Instant lastStamp = Instant.EPOCH;

    SquarespaceOrderBook(Clock clock) {
        this.clock = clock;
    }

    /** A checkout. @throws IllegalArgumentException naming the first bad field */
    public SquarespaceOrder create(NewSquarespaceOrder request) {
        String currency = Optional.ofNullable(request.currency()).orElse("USD");
        if (!CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency: must be an ISO 4217 code such as USD");
        }
        if (request.lines() == null || request.lines().isEmpty()) {
            throw new IllegalArgumentException("lines: at least one line is required");
        }
        List<LineItem> lines = new ArrayList<>();
        BigDecimal subtotal = BigDecimal.ZERO;
        for (int i = 0; i < request.lines().size(); i++) {
            NewSquarespaceOrder.Line line = request.lines().get(i);
            String at = "lines[" + i + "].";
            if (line == null || line.sku() == null || line.sku().isBlank()) {
                throw new IllegalArgumentException(at + "sku: is required");
            }
            if (line.quantity() == null || line.quantity() < 1) {
                throw new IllegalArgumentException(at + "quantity: must be at least 1");
            }
            String price = Optional.ofNullable(line.unitPrice()).orElse("19.00");
            if (!DECIMAL.matcher(price).matches()) {
                throw new IllegalArgumentException(at + "unitPrice: must be a decimal string such as \"19.00\"");
            }
            BigDecimal unit = new BigDecimal(price).setScale(2);
            subtotal = subtotal.add(unit.multiply(BigDecimal.valueOf(line.quantity())));
            lines.add(new LineItem(objectId(), Optional.ofNullable(line.variantId()).orElse(variantId(line.sku())),
                    line.sku(), Optional.ofNullable(line.productName()).orElse(line.sku()), line.quantity(),
                    new Money(unit.toPlainString(), currency), Optional.ofNullable(line.lineItemType()).orElse("PHYSICAL_PRODUCT")));
        }
        String refunded = Optional.ofNullable(request.refundedTotal()).orElse("0.00");
        if (!DECIMAL.matcher(refunded).matches()) {
            throw new IllegalArgumentException("refundedTotal: must be a decimal string such as \"19.00\"");
        }
        if (request.paymentState() != null && request.paymentState().isBlank()) {
            throw new IllegalArgumentException("paymentState: must not be blank (leave it out for an order without one)");
        }
        String orderNumber = Optional.ofNullable(request.orderNumber()).orElseGet(() -> Long.toString(orderNumbers.getAndIncrement()));
        Money total = new Money(subtotal.toPlainString(), currency);
        synchronized (this) {
            SquarespaceOrder order = new SquarespaceOrder(objectId(), orderNumber, stamp(),
                    Optional.ofNullable(request.customerEmail()).orElse("elena.wu@example.com"),
                    Optional.ofNullable(request.shippingAddress()).orElse(DEFAULT_ADDRESS), lines, total, total,
                    new Money(new BigDecimal(refunded).setScale(2).toPlainString(), currency), request.paymentState());
            orders.put(order.id(), order);
            return order;
        }
    }

    public Optional<SquarespaceOrder> find(String id) {
        return Optional.ofNullable(orders.get(id));
    }

    public Collection<SquarespaceOrder> all() {
        return orders.values();
    }

    /** @throws IllegalStateException when already cancelled */
    public synchronized void cancel(SquarespaceOrder order) {
        order.cancel(stamp());
    }

    /**
     * A change in the store's admin that Squarespace reports as {@code order.update}.
     *
     * @throws IllegalArgumentException naming a bad field
     */
    public void update(SquarespaceOrder order, UpdateSquarespaceOrder change) {
        if (change.update() == null || !UpdateSquarespaceOrder.UPDATES.contains(change.update())) {
            throw new IllegalArgumentException("update: must be one of " + String.join(", ", UpdateSquarespaceOrder.UPDATES)
                    + " (CANCELED: POST .../cancel; FULFILLED: the fulfillments call)");
        }
        if (change.paymentState() != null && change.paymentState().isBlank()) {
            throw new IllegalArgumentException("paymentState: must not be blank");
        }
        if (change.refundedTotal() != null && !DECIMAL.matcher(change.refundedTotal()).matches()) {
            throw new IllegalArgumentException("refundedTotal: must be a decimal string such as \"19.00\"");
        }
        String refunded = change.refundedTotal() == null ? null : new BigDecimal(change.refundedTotal()).setScale(2).toPlainString();
        synchronized (this) {
            order.update(change.update(), change.paymentState(), refunded, stamp());
        }
    }

    /** Adds the shipments of one fulfillments call; answers whether the order became FULFILLED now. */
    synchronized boolean addShipments(SquarespaceOrder order, List<Shipment> shipments) {
        return order.addShipments(shipments, stamp());
    }

    public synchronized <T> T read(SquarespaceOrder order, Function<SquarespaceOrder, T> reader) {
        return reader.apply(order);
    }

    /** One page of a listing, ordered by {@code modifiedOn} then id. */
    synchronized ListPage list(SquarespaceOrderQuery query) {
        List<SquarespaceOrder> selected = orders.values().stream()
                .filter(query::selects)
                .sorted(Comparator.comparing(SquarespaceOrder::modifiedOn).thenComparing(SquarespaceOrder::id))
                .toList();
        List<SquarespaceOrder> page = selected.stream().limit(PAGE_SIZE).toList();
        List<SquarespaceOrderJson.Order> views = page.stream().map(SquarespaceOrder::view).toList();
        if (selected.size() <= PAGE_SIZE) {
            return new ListPage(views, Optional.empty());
        }
        SquarespaceOrder last = page.get(page.size() - 1);
        return new ListPage(views, Optional.of(query.after(last.modifiedOn(), last.id())));
    }

    record ListPage(List<SquarespaceOrderJson.Order> orders, Optional<SquarespaceOrderQuery> next) {}

    public void clear() {
        orders.clear();
    }

    /** Now, strictly after the previous stamp. Under the lock. */
    private Instant stamp() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        lastStamp = now.isAfter(lastStamp) ? now : lastStamp.plusMillis(1);
        return lastStamp;
    }

    /** 24 hex digits, time then randomness, as Squarespace's ids look; never repeated by a restarted sandbox. */
    static String objectId() {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return String.format("%08x", System.currentTimeMillis() / 1000) + HexFormat.of().formatHex(random);
    }

    /** A variant is a catalogue item: its id derives from its SKU, the same in every order and every run. */
    static String variantId(String sku) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sku.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
