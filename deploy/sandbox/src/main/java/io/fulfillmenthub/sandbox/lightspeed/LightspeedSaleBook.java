package io.fulfillmenthub.sandbox.lightspeed;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The sales of the simulated store, in memory, under one lock. Every change gives the sale the next version of the
 * store (one counter for all sales, never reset, so a change feed read {@code after} a version misses nothing).
 */
@ApplicationScoped
public class LightspeedSaleBook {

    private final Map<String, LightspeedSale> sales = new LinkedHashMap<>();
    private final Clock clock;
    private long versions;

    LightspeedSaleBook(Clock clock) {
        this.clock = clock;
    }

    synchronized LightspeedSale create(LightspeedSale.Request request) {
        LightspeedSale sale = new LightspeedSale(request, clock.instant(), ++versions);
        sales.put(sale.id, sale);
        return sale;
    }

    synchronized Optional<LightspeedSale> find(String id) {
        return Optional.ofNullable(sales.get(id));
    }

    /**
     * Voids the whole sale (via API). An already voided one is answered as it is.
     *
     * @return whether it changed
     * @throws LightspeedError 422 when handed over and the behaviour refuses it
     */
    synchronized boolean voidSale(LightspeedSale sale, boolean allowClosed) {
        if (sale.status.equals(LightspeedSale.VOIDED)) {
            return false;
        }
        if (sale.handedOver() && !allowClosed) {
            throw LightspeedError.unprocessable("status: sale " + sale.id + " is " + sale.status
                    + " (handed over to the customer) and cannot be voided");
        }
        sale.changes.add(new LightspeedSale.Change("voided", "api", clock.instant().toString(), "from " + sale.status));
        sale.status = LightspeedSale.VOIDED;
        sale.version = ++versions;
        return true;
    }

    /**
     * Fulfils the whole sale: {@code PICKED_UP} on an AWAITING_PICKUP sale, {@code SHIPPED} on an AWAITING_DISPATCH one.
     *
     * @param by {@code api} or {@code till}
     * @throws LightspeedError 422 when the sale is not open or awaits the other type
     */
    synchronized LightspeedSale.Fulfillment fulfil(LightspeedSale sale, String type, String by) {
        String expected = sale.status.equals(LightspeedSale.AWAITING_PICKUP) ? LightspeedSale.PICKED_UP
                : sale.status.equals(LightspeedSale.AWAITING_DISPATCH) ? LightspeedSale.SHIPPED : null;
        if (expected == null) {
            throw LightspeedError.unprocessable("sale " + sale.id + " is " + sale.status + ": only an AWAITING_PICKUP or "
                    + "AWAITING_DISPATCH sale can be fulfilled");
        }
        if (!expected.equals(type)) {
            throw LightspeedError.unprocessable("fulfillment_type: " + type + " does not fulfil a sale that is " + sale.status
                    + " (use " + expected + ")");
        }
        String now = clock.instant().toString();
        // [unknown] the fulfillment's own status: not documented; the sandbox says FULFILLED
        LightspeedSale.Fulfillment fulfillment = new LightspeedSale.Fulfillment(UUID.randomUUID().toString(), sale.id, type,
                "FULFILLED", now);
        sale.fulfillments.add(fulfillment);
        sale.changes.add(new LightspeedSale.Change("fulfilled", by, now, type));
        sale.status = type.equals(LightspeedSale.PICKED_UP) ? LightspeedSale.PICKED_UP_CLOSED : LightspeedSale.DISPATCHED_CLOSED;
        sale.version = ++versions;
        return fulfillment;
    }

    /** The fulfillment type that hands this sale over; empty when it is not open. */
    synchronized Optional<String> handoverType(LightspeedSale sale) {
        return switch (sale.status) {
            case LightspeedSale.AWAITING_PICKUP -> Optional.of(LightspeedSale.PICKED_UP);
            case LightspeedSale.AWAITING_DISPATCH -> Optional.of(LightspeedSale.SHIPPED);
            default -> Optional.empty();
        };
    }

    /** The sales changed after a version, oldest change first, at most {@code pageSize}. */
    synchronized List<LightspeedSale> changedAfter(long after, int pageSize) {
        return sales.values().stream().filter(sale -> sale.version > after)
                .sorted(Comparator.comparingLong(sale -> sale.version)).limit(pageSize).toList();
    }

    /** Every sale, in the order they were made. */
    synchronized List<LightspeedSale> all() {
        return new ArrayList<>(sales.values());
    }

    /** Reads a sale consistently with the changes made under the lock. */
    synchronized <T> T read(LightspeedSale sale, Function<LightspeedSale, T> reader) {
        return reader.apply(sale);
    }

    synchronized int recordWebhook(LightspeedSale sale, String status, long version) {
        sale.webhooks.add(new LightspeedSale.Webhook(status, version, new ArrayList<>()));
        return sale.webhooks.size() - 1;
    }

    synchronized void recordDelivery(LightspeedSale sale, int webhook, LightspeedSale.Delivery delivery) {
        sale.webhooks.get(webhook).deliveries().add(delivery);
    }

    synchronized void createAnswer(LightspeedSale sale, String answer) {
        sale.createAnswer = answer;
    }

    synchronized void clear() {
        sales.clear();
    }
}
