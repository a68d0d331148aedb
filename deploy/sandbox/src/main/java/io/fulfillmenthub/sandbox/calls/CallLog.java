package io.fulfillmenthub.sandbox.calls;

import io.fulfillmenthub.sandbox.vendor.SimulatedVendor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every request the vendor APIs received, in arrival order. A call takes its sequence number when
 * it arrives and is added when its status is known, so listing sorts by sequence.
 */
@ApplicationScoped
public class CallLog {

    private final AtomicLong sequence = new AtomicLong();
    private final ConcurrentLinkedQueue<RecordedCall> calls = new ConcurrentLinkedQueue<>();

    long nextSequence() {
        return sequence.incrementAndGet();
    }

    void add(RecordedCall call) {
        calls.add(call);
    }

    public List<RecordedCall> list(Optional<SimulatedVendor> vendor) {
        List<RecordedCall> result = new ArrayList<>();
        for (RecordedCall call : calls) {
            if (vendor.isEmpty() || vendor.get().id().equals(call.vendor())) {
                result.add(call);
            }
        }
        result.sort(Comparator.comparingLong(RecordedCall::sequence));
        return result;
    }

    public void clear() {
        calls.clear();
    }
}
