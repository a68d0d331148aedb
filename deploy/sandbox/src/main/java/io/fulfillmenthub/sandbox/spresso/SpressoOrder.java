package io.fulfillmenthub.sandbox.spresso;

import io.fulfillmenthub.sandbox.spresso.SpressoOrderJson.FulfilledVariant;
import io.fulfillmenthub.sandbox.spresso.SpressoOrderJson.StatusChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A paid Spresso order, its fulfillments and their shipments, guarded by the order's own lock.
 * Shipments are upserted by tracking number; a fulfillment's status only moves forward, and
 * {@code in_transit} must report the fulfilled quantity of every variant of the fulfillment.
 */
public final class SpressoOrder {

    /** An order Spresso sends once it is paid and past its grace period, as the documented example shows. */
    static final List<String> FULFILLABLE_HISTORY = List.of("created", "on_fulfillment_queue", "sent_to_fulfiller");
    /** [unknown] The status of an order cancelled in the admin console ("Cancelled" in Spresso's admin guide). */
    static final String CANCELLED = "cancelled";
    /** An order sent to its fulfiller has been authorized (the documented example). */
    static final String FINANCIAL_STATUS = "authorized";

    /** A line of the order (an order variant, with its own id): a variant and how many were ordered. */
    record Line(String orderVariantId, String variantId, String sku, String upc, String name, int quantity) {}

    private static final class Fulfillment {
        final String id;
        final String createdAt;
        final String fulfillmentMethod;
        final String fulfillerLocation;
        final Map<String, Integer> ordered = new LinkedHashMap<>();
        SpressoFulfillmentStatus status = SpressoFulfillmentStatus.ORDER_PLACED;
        final List<StatusChange> history = new ArrayList<>();
        final Map<String, Integer> fulfilled = new LinkedHashMap<>();
        String externalOrderId;
        String externalOrderStatus;
        final Map<String, SpressoShipment> shipments = new LinkedHashMap<>();

        Fulfillment(String id, String createdAt, String fulfillmentMethod, String fulfillerLocation) {
            this.id = id;
            this.createdAt = createdAt;
            this.fulfillmentMethod = fulfillmentMethod;
            this.fulfillerLocation = fulfillerLocation;
        }
    }

    private final String id;
    private final long orderNo;
    private final String createdAt;
    private final SpressoOrderJson.User user;
    private final SpressoAddress shippingAddress;
    private final List<Line> lines;
    private final Map<String, Fulfillment> fulfillments = new LinkedHashMap<>();
    private String status;
    private final List<StatusChange> history = new ArrayList<>();
    private final List<SpressoOrderJson.WebhookSent> webhooks = new ArrayList<>();

    SpressoOrder(String id, long orderNo, SpressoOrderJson.User user, SpressoAddress shippingAddress, List<Line> lines,
            List<List<Integer>> fulfillmentLines, List<String> fulfillmentIds, List<String> fulfillmentMethods,
            List<String> fulfillerLocations, Instant now) {
        this.id = id;
        this.orderNo = orderNo;
        this.createdAt = now.toString();
        this.user = user;
        this.shippingAddress = shippingAddress;
        this.lines = List.copyOf(lines);
        FULFILLABLE_HISTORY.forEach(reached -> history.add(new StatusChange(reached, now.toString())));
        status = FULFILLABLE_HISTORY.get(FULFILLABLE_HISTORY.size() - 1);
        for (int f = 0; f < fulfillmentLines.size(); f++) {
            Fulfillment fulfillment = new Fulfillment(fulfillmentIds.get(f), now.toString(), fulfillmentMethods.get(f),
                    fulfillerLocations.get(f));
            for (int index : fulfillmentLines.get(f)) {
                Line line = lines.get(index);
                fulfillment.ordered.put(line.variantId(), line.quantity());
            }
            fulfillment.history.add(new StatusChange(fulfillment.status.wire(), now.toString()));
            fulfillments.put(fulfillment.id, fulfillment);
        }
    }

    public String id() {
        return id;
    }

    List<String> fulfillmentIds() {
        return List.copyOf(fulfillments.keySet());
    }

    synchronized SpressoShipment upsertShipment(String fulfillmentId, ShipmentUpdate update, Instant now) {
        Fulfillment fulfillment = fulfillment(fulfillmentId);
        for (int i = 0; i < update.shipmentVariants().size(); i++) {
            SpressoShipment.Variant variant = update.shipmentVariants().get(i);
            Integer ordered = fulfillment.ordered.get(variant.variant());
            String at = "shipmentVariants[" + i + "]";
            if (ordered == null) {
                throw SpressoApiException.invalid(at + ".variant: " + variant.variant()
                        + " is not a variant of fulfillment " + fulfillmentId);
            }
            if (variant.quantity() > ordered) {
                throw SpressoApiException.invalid(at + ".quantity: " + variant.quantity()
                        + " exceeds the " + ordered + " ordered of variant " + variant.variant());
            }
        }
        // [unknown] A shipment without a status is created, or keeps its status on update; a cancelled
        // order still takes shipments, as its fulfiller may have shipped already.
        SpressoShipment existing = fulfillment.shipments.get(update.trackingNumber());
        // [doc] shipped and delivered e-mail the customer: every call that sets them sends one
        int shippedEmails = (existing == null ? 0 : existing.shippedEmails()) + ("shipped".equals(update.status()) ? 1 : 0);
        SpressoShipment shipment = new SpressoShipment(
                update.carrier(),
                update.carrierReferenceId(),
                update.trackingNumber(),
                update.trackingUrl(),
                Optional.ofNullable(update.status())
                        .orElse(existing == null ? "created" : existing.status()),
                List.copyOf(update.shipmentVariants()),
                existing == null ? now.toString() : existing.createdAt(),
                now.toString(),
                shippedEmails);
        fulfillment.shipments.put(update.trackingNumber(), shipment);
        return shipment;
    }

    synchronized SpressoOrderJson.FulfillmentState updateFulfillment(
            String fulfillmentId, FulfillmentUpdate update, Instant now) {
        Fulfillment fulfillment = fulfillment(fulfillmentId);
        SpressoFulfillmentStatus next = update.status();
        if (next.compareTo(fulfillment.status) < 0) {
            throw new SpressoApiException(400, "invalid_status_transition", "status: fulfillment " + fulfillmentId
                    + " is " + fulfillment.status.wire() + " and cannot move back to " + next.wire());
        }
        // [unknown] delivered is accepted only after in_transit, which is where quantities are reported.
        if (next == SpressoFulfillmentStatus.DELIVERED
                && fulfillment.status.compareTo(SpressoFulfillmentStatus.IN_TRANSIT) < 0) {
            throw new SpressoApiException(400, "invalid_status_transition", "status: fulfillment " + fulfillmentId
                    + " must be in_transit, with its fulfillmentVariants, before delivered");
        }
        if (next == SpressoFulfillmentStatus.IN_TRANSIT) {
            Map<String, Integer> reported = new LinkedHashMap<>();
            for (int i = 0; i < update.fulfillmentVariants().size(); i++) {
                FulfilledVariant variant = update.fulfillmentVariants().get(i);
                Integer ordered = fulfillment.ordered.get(variant.variant());
                String at = "fulfillmentVariants[" + i + "]";
                if (ordered == null) {
                    throw SpressoApiException.invalid(at + ".variant: " + variant.variant()
                            + " is not a variant of fulfillment " + fulfillmentId);
                }
                if (variant.fulfilledQuantity() > ordered) {
                    throw SpressoApiException.invalid(at + ".fulfilledQuantity: " + variant.fulfilledQuantity()
                            + " exceeds the " + ordered + " ordered of variant " + variant.variant());
                }
                reported.put(variant.variant(), variant.fulfilledQuantity());
            }
            List<String> missing = fulfillment.ordered.keySet().stream()
                    .filter(v -> !reported.containsKey(v)).toList();
            if (!missing.isEmpty()) {
                throw SpressoApiException.invalid("fulfillmentVariants: must list every variant of fulfillment "
                        + fulfillmentId + "; missing " + String.join(", ", missing));
            }
            fulfillment.fulfilled.clear();
            fulfillment.ordered.keySet().forEach(v -> fulfillment.fulfilled.put(v, reported.get(v)));
        }
        if (next != fulfillment.status) {
            fulfillment.status = next;
            fulfillment.history.add(new StatusChange(next.wire(), now.toString()));
        }
        if (update.externalOrderId() != null) {
            fulfillment.externalOrderId = update.externalOrderId();
        }
        if (update.externalOrderStatus() != null) {
            fulfillment.externalOrderStatus = update.externalOrderStatus();
        }
        return state(fulfillment);
    }

    /** Cancelled in the admin console: once only. */
    synchronized void cancel(Instant now) {
        if (CANCELLED.equals(status)) {
            throw new IllegalStateException("order " + id + " is already cancelled");
        }
        status = CANCELLED;
        history.add(new StatusChange(CANCELLED, now.toString()));
    }

    /** Records a webhook event before its deliveries; answers its index for {@link #recordDelivery}. */
    synchronized int recordWebhook(String event, String eventId, String createdAt, String url) {
        webhooks.add(new SpressoOrderJson.WebhookSent(event, eventId, createdAt, url, List.of()));
        return webhooks.size() - 1;
    }

    /** Adds a delivery to a webhook event; a held delivery adds its outcome later, when it is sent. */
    synchronized void recordDelivery(int webhook, SpressoOrderJson.Delivery delivery) {
        SpressoOrderJson.WebhookSent sent = webhooks.get(webhook);
        List<SpressoOrderJson.Delivery> deliveries = new ArrayList<>(sent.deliveries());
        deliveries.add(delivery);
        webhooks.set(webhook, new SpressoOrderJson.WebhookSent(sent.event(), sent.eventId(), sent.createdAt(),
                sent.url(), List.copyOf(deliveries)));
    }

    synchronized SpressoOrderJson.WebhookSent webhook(int index) {
        return webhooks.get(index);
    }

    /** The order as the webhook carries it. */
    synchronized SpressoOrderJson.Order webhookOrder() {
        return new SpressoOrderJson.Order(id, orderNo, createdAt, status, List.copyOf(history), FINANCIAL_STATUS, user,
                shippingAddress, orderVariants(),
                fulfillments.values().stream().map(f -> new SpressoOrderJson.Fulfillment(f.id, f.createdAt,
                        f.fulfillmentMethod, f.fulfillerLocation, fulfillmentVariants(f), f.status.wire(), List.copyOf(f.history)))
                        .toList());
    }

    public synchronized SpressoOrderJson.OrderState state() {
        return new SpressoOrderJson.OrderState(id, orderNo, createdAt, status, List.copyOf(history), FINANCIAL_STATUS,
                user, shippingAddress, orderVariants(),
                fulfillments.values().stream().map(this::state).toList(), List.copyOf(webhooks));
    }

    private SpressoOrderJson.FulfillmentState state(Fulfillment f) {
        return new SpressoOrderJson.FulfillmentState(f.id, f.createdAt, f.fulfillmentMethod, f.fulfillerLocation,
                fulfillmentVariants(f), f.status.wire(), List.copyOf(f.history),
                f.fulfilled.entrySet().stream().map(e -> new FulfilledVariant(e.getKey(), e.getValue())).toList(),
                f.externalOrderId, f.externalOrderStatus, List.copyOf(f.shipments.values()));
    }

    private List<SpressoOrderJson.OrderVariant> orderVariants() {
        return lines.stream().map(line -> new SpressoOrderJson.OrderVariant(line.orderVariantId(), line.quantity(),
                fulfillments.values().stream().mapToInt(f -> f.fulfilled.getOrDefault(line.variantId(), 0)).sum(),
                new SpressoOrderJson.Variant(line.variantId(), line.sku(), line.upc(), line.name()))).toList();
    }

    private static List<SpressoOrderJson.FulfillmentVariant> fulfillmentVariants(Fulfillment f) {
        return f.ordered.entrySet().stream()
                .map(e -> new SpressoOrderJson.FulfillmentVariant(e.getValue(), e.getKey())).toList();
    }

    private Fulfillment fulfillment(String fulfillmentId) {
        Fulfillment fulfillment = fulfillments.get(fulfillmentId);
        if (fulfillment == null) {
            throw new SpressoApiException(404, "not_found", "fulfillment not found: " + fulfillmentId);
        }
        return fulfillment;
    }
}
