package io.fulfillmenthub.sandbox.faults;

import io.fulfillmenthub.sandbox.vendor.SimulatedVendor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An active fault: what it does, how much of it is left, and what it holds back. Guarded by its own
 * lock; it ends when its count is spent, its time is up or it is cleared, and a spent fault stays
 * listed while it still holds calls back.
 */
final class Fault {

    private final String id;
    private final FaultSpec spec;
    private final Instant createdAt;
    private final Instant until;
    private Integer remaining;
    private boolean ended;
    private final Set<HeldCall> heldCalls = new LinkedHashSet<>();
    private final List<WebhookDelivery> heldWebhooks = new ArrayList<>();

    Fault(String id, FaultSpec spec, Instant createdAt) {
        this.id = id;
        this.spec = spec;
        this.createdAt = createdAt;
        this.until = spec.durationMs() == null ? null : createdAt.plusMillis(spec.durationMs());
        this.remaining = spec.count();
    }

    String id() {
        return id;
    }

    FaultSpec spec() {
        return spec;
    }

    SimulatedVendor vendor() {
        return spec.vendor();
    }

    FaultKind kind() {
        return spec.kind();
    }

    /** Whether the fault applies to a call with this method and path, leaving aside whether it is active. */
    boolean covers(String method, String path) {
        return (spec.method() == null || spec.method().equals(method))
                && (spec.path() == null || spec.path().matcher(path).matches());
    }

    synchronized boolean active(Instant now) {
        return !ended && (remaining == null || remaining > 0) && (until == null || now.isBefore(until));
    }

    synchronized boolean listed(Instant now) {
        return active(now) || !heldCalls.isEmpty() || !heldWebhooks.isEmpty();
    }

    /** Takes one call or delivery out of the fault's count, if the fault is active. */
    synchronized boolean claim(Instant now) {
        if (!active(now)) {
            return false;
        }
        if (remaining != null) {
            remaining--;
        }
        return true;
    }

    /** Holds a call until {@link #release} or the fault's end; false when the fault has ended already. */
    synchronized boolean hold(HeldCall call) {
        if (ended) {
            return false;
        }
        heldCalls.add(call);
        return true;
    }

    /** Lets one held call through (its own wait is over). */
    void release(HeldCall call) {
        synchronized (this) {
            heldCalls.remove(call);
        }
        call.release();
    }

    /**
     * Holds a webhook delivery back, or, for the last of the count, answers every delivery to send
     * now: this one first, then the held ones, latest first. Null when the fault is not active.
     */
    synchronized List<WebhookDelivery> reorder(WebhookDelivery delivery, Instant now) {
        if (!claim(now)) {
            return null;
        }
        if (remaining > 0) {
            heldWebhooks.add(delivery);
            delivery.withhold(WebhookFaults.HELD);
            return List.of();
        }
        List<WebhookDelivery> sendNow = new ArrayList<>();
        sendNow.add(delivery);
        sendNow.addAll(reversedHeldWebhooks());
        heldWebhooks.clear();
        return sendNow;
    }

    /**
     * Ends the fault: every held call is let through, and the held webhook deliveries are answered,
     * latest first, for the caller to send or to forget.
     */
    List<WebhookDelivery> end() {
        List<HeldCall> calls;
        List<WebhookDelivery> webhooks;
        synchronized (this) {
            ended = true;
            calls = List.copyOf(heldCalls);
            heldCalls.clear();
            webhooks = reversedHeldWebhooks();
            heldWebhooks.clear();
        }
        calls.forEach(HeldCall::release);
        return webhooks;
    }

    private List<WebhookDelivery> reversedHeldWebhooks() {
        List<WebhookDelivery> reversed = new ArrayList<>(heldWebhooks);
        Collections.reverse(reversed);
        return reversed;
    }

    synchronized FaultView view() {
        return new FaultView(id, spec.vendor().id(), spec.kind().wire(), spec.status(), spec.retryAfterSeconds(),
                spec.latencyMs(), spec.method(), spec.path() == null ? null : spec.path().pattern(), spec.count(),
                remaining, spec.durationMs(), createdAt.toString(), until == null ? null : until.toString(),
                heldCalls.size() + heldWebhooks.size());
    }
}
