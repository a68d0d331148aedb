package io.fulfillmenthub.sandbox.squarespace;

import io.fulfillmenthub.sandbox.squarespace.SquarespaceOrderJson.Address;
import io.fulfillmenthub.sandbox.squarespace.SquarespaceOrderJson.Delivery;
import io.fulfillmenthub.sandbox.squarespace.SquarespaceOrderJson.LineItem;
import io.fulfillmenthub.sandbox.squarespace.SquarespaceOrderJson.Money;
import io.fulfillmenthub.sandbox.squarespace.SquarespaceOrderJson.NotificationSent;
import io.fulfillmenthub.sandbox.squarespace.SquarespaceOrderJson.Shipment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One order of the simulated Squarespace store. Its state changes only under the order book's lock (so
 * {@code modifiedOn} and what a listing sees agree); the fulfillments call's own guards (in flight, conflicts
 * asked for, holds, idempotency keys) and the notifications it sent are its own.
 */
public final class SquarespaceOrder {

    public static final String PENDING = "PENDING";
    public static final String FULFILLED = "FULFILLED";
    public static final String CANCELED = "CANCELED";

    private final String id;
    private final String orderNumber;
    private final Instant createdOn;
    private final String customerEmail;
    private final Address shippingAddress;
    private final List<LineItem> lineItems;
    private final Money subtotal;
    private final Money grandTotal;
    private String paymentState;
    private Money refundedTotal;
    private Instant modifiedOn;
    private String fulfillmentStatus = PENDING;
    private Instant fulfilledOn;
    private final List<Shipment> shipments = new ArrayList<>();
    private int fulfillmentCalls;

    private final AtomicBoolean inFlight = new AtomicBoolean();
    private int conflictsAsked;
    private CompletableFuture<Void> hold;
    private final Map<String, Integer> idempotencyKeys = new HashMap<>();
    private final List<NotificationSent> notifications = new ArrayList<>();
    private final List<Runnable> heldNotifications = new ArrayList<>();

    SquarespaceOrder(String id, String orderNumber, Instant createdOn, String customerEmail, Address shippingAddress,
            List<LineItem> lineItems, Money subtotal, Money grandTotal, Money refundedTotal, String paymentState) {
        this.id = id;
        this.orderNumber = orderNumber;
        this.createdOn = createdOn;
        this.modifiedOn = createdOn;
        this.customerEmail = customerEmail;
        this.shippingAddress = shippingAddress;
        this.lineItems = List.copyOf(lineItems);
        this.subtotal = subtotal;
        this.grandTotal = grandTotal;
        this.refundedTotal = refundedTotal;
        this.paymentState = paymentState;
    }

    public String id() {
        return id;
    }

    Instant modifiedOn() {
        return modifiedOn;
    }

    String fulfillmentStatus() {
        return fulfillmentStatus;
    }

    /** Under the book's lock. @throws IllegalStateException when already cancelled */
    void cancel(Instant at) {
        if (CANCELED.equals(fulfillmentStatus)) {
            throw new IllegalStateException("Squarespace order " + id + " is already CANCELED");
        }
        fulfillmentStatus = CANCELED;
        modifiedOn = at;
    }

    /**
     * Under the book's lock: a change in the store's admin (a payment recorded, a refund): the fields given
     * change, {@code modifiedOn} moves. A refund without an amount refunds the grand total.
     */
    void update(String update, String newPaymentState, String newRefundedTotal, Instant at) {
        if (newPaymentState != null) {
            paymentState = newPaymentState;
        }
        if (newRefundedTotal != null) {
            refundedTotal = new Money(newRefundedTotal, grandTotal.currency());
        } else if ("REFUNDED".equals(update)) {
            refundedTotal = grandTotal;
        }
        modifiedOn = at;
    }

    /**
     * Under the book's lock: each call adds its shipments (the call is not idempotent) and the order is
     * FULFILLED, unless it was cancelled. Answers whether it became FULFILLED now.
     */
    boolean addShipments(List<Shipment> added, Instant at) {
        shipments.addAll(added);
        fulfillmentCalls++;
        modifiedOn = at;
        if (PENDING.equals(fulfillmentStatus)) {
            fulfillmentStatus = FULFILLED;
            fulfilledOn = at;
            return true;
        }
        return false;
    }

    /** Under the book's lock. */
    SquarespaceOrderJson.Order view() {
        Money zero = new Money("0.00", grandTotal.currency());
        return new SquarespaceOrderJson.Order(id, orderNumber, createdOn.toString(), modifiedOn.toString(), "web", false,
                customerEmail, shippingAddress, shippingAddress, fulfillmentStatus, lineItems, List.copyOf(shipments),
                subtotal, zero, zero, zero, refundedTotal, grandTotal, fulfilledOn == null ? null : fulfilledOn.toString(),
                paymentState);
    }

    /** Under the book's lock. */
    SquarespaceOrderJson.OrderState state() {
        synchronized (notifications) {
            return new SquarespaceOrderJson.OrderState(view(), List.copyOf(shipments), fulfillmentCalls, inFlight.get(),
                    List.copyOf(notifications));
        }
    }

    // ---- the fulfillments call's guards

    /** Whether another fulfillments call on this order is in progress; if not, this one now is. */
    boolean enter() {
        return inFlight.compareAndSet(false, true);
    }

    void leave() {
        inFlight.set(false);
    }

    synchronized void askConflicts(int count) {
        conflictsAsked += count;
    }

    /** Whether a conflict was asked for this call (and counts it). */
    synchronized boolean takeConflict() {
        if (conflictsAsked > 0) {
            conflictsAsked--;
            return true;
        }
        return false;
    }

    /** The next fulfillments call waits inside, in progress, until {@link #release()}. */
    synchronized void holdNextCall() {
        if (hold == null || hold.isDone()) {
            hold = new CompletableFuture<>();
        }
    }

    synchronized void release() {
        if (hold != null) {
            hold.complete(null);
            hold = null;
        }
    }

    /** The hold a call must wait for until it is released; null when none. */
    synchronized CompletableFuture<Void> hold() {
        return hold;
    }

    /** The status a call with this key was first answered with, if it was. */
    synchronized Integer answeredBefore(String idempotencyKey) {
        return idempotencyKeys.get(idempotencyKey);
    }

    synchronized void rememberAnswer(String idempotencyKey, int status) {
        idempotencyKeys.putIfAbsent(idempotencyKey, status);
    }

    // ---- notifications

    int recordNotification(NotificationSent sent) {
        synchronized (notifications) {
            notifications.add(sent);
            return notifications.size() - 1;
        }
    }

    void recordDelivery(int notification, Delivery delivery) {
        synchronized (notifications) {
            NotificationSent sent = notifications.get(notification);
            List<Delivery> deliveries = new ArrayList<>(sent.deliveries());
            deliveries.add(delivery);
            notifications.set(notification, new NotificationSent(sent.id(), sent.subscriptionId(), sent.topic(),
                    sent.update(), sent.createdOn(), sent.url(), List.copyOf(deliveries)));
        }
    }

    NotificationSent notification(int index) {
        synchronized (notifications) {
            return notifications.get(index);
        }
    }

    /** Keeps a held notification's sending until the order's next notification has gone. */
    void holdNotification(Runnable sendLater) {
        synchronized (heldNotifications) {
            heldNotifications.add(sendLater);
        }
    }

    /** The notifications held so far, forgotten here: the caller sends them. */
    List<Runnable> takeHeldNotifications() {
        synchronized (heldNotifications) {
            List<Runnable> taken = List.copyOf(heldNotifications);
            heldNotifications.clear();
            return taken;
        }
    }
}
