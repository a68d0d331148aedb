package io.fulfillmenthub.sandbox.faults;

import io.fulfillmenthub.sandbox.vendor.SimulatedVendor;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The faults in force, oldest first. Where two faults of one kind apply to the same call or
 * delivery, the oldest takes it (and counts it). Ending a fault lets its held calls through and
 * sends its held webhook deliveries, latest first; a reset forgets those deliveries instead.
 */
@ApplicationScoped
public class FaultBook {

    private final AtomicLong ids = new AtomicLong();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private final Vertx vertx;

    FaultBook(Clock clock, Vertx vertx) {
        this.clock = clock;
        this.vertx = vertx;
    }

    public FaultView add(FaultSpec spec) {
        Fault fault = new Fault("fault-" + ids.incrementAndGet(), spec, clock.instant());
        faults.add(fault);
        if (spec.kind() == FaultKind.FREEZE && spec.durationMs() != null) {
            // A frozen vendor answers everything it held the moment the freeze is over.
            vertx.setTimer(spec.durationMs(), timer -> end(fault));
        }
        return fault.view();
    }

    public List<FaultView> list(Optional<SimulatedVendor> vendor) {
        return current().stream().filter(f -> vendor.isEmpty() || f.vendor().id().equals(vendor.get().id())).map(Fault::view).toList();
    }

    public Optional<FaultView> find(String id) {
        return current().stream().filter(f -> f.id().equals(id)).findFirst().map(Fault::view);
    }

    /**
     * Ends one fault. Blocking while it sends the webhook deliveries the fault held.
     *
     * @return false when no such fault is in force
     */
    public boolean remove(String id) {
        Optional<Fault> fault = current().stream().filter(f -> f.id().equals(id)).findFirst();
        fault.ifPresent(f -> sendReordered(end(f)));
        return fault.isPresent();
    }

    /** Ends every fault, or every fault of one vendor. Blocking while it sends held webhook deliveries. */
    public void clear(Optional<SimulatedVendor> vendor) {
        List<WebhookDelivery> held = new ArrayList<>();
        for (Fault fault : faults) {
            if (vendor.isEmpty() || fault.vendor().id().equals(vendor.get().id())) {
                held.addAll(end(fault));
            }
        }
        sendReordered(held);
    }

    /** Ends every fault, as a restart would: held calls go through, held webhook deliveries are forgotten. */
    public void reset() {
        faults.forEach(this::end);
    }

    /** The oldest active fault of this kind that covers the call, having taken the call out of its count. */
    Optional<Fault> claim(SimulatedVendor vendor, FaultKind kind, String method, String path) {
        Instant now = clock.instant();
        return faults.stream()
                .filter(f -> f.vendor().id().equals(vendor.id()) && f.kind() == kind && f.covers(method, path))
                .filter(f -> f.claim(now))
                .findFirst();
    }

    /** The webhook faults of a vendor that are active now, oldest first. */
    List<Fault> activeWebhookFaults(SimulatedVendor vendor) {
        Instant now = clock.instant();
        return faults.stream().filter(f -> f.vendor().id().equals(vendor.id()) && f.kind().onWebhooks() && f.active(now)).toList();
    }

    Instant now() {
        return clock.instant();
    }

    private List<WebhookDelivery> end(Fault fault) {
        faults.remove(fault);
        return fault.end();
    }

    private static void sendReordered(List<WebhookDelivery> held) {
        held.forEach(delivery -> delivery.send(WebhookFaults.REORDERED));
    }

    /** The faults still in force or still holding something back; the rest are dropped. */
    private List<Fault> current() {
        Instant now = clock.instant();
        faults.removeIf(f -> !f.listed(now));
        return List.copyOf(faults);
    }
}
