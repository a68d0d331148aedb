package io.fulfillmenthub.sandbox.calls;

import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The faults injected into one call, gathered while the call is handled, so the call's record says
 * which faults it got and whether the simulated vendor ever saw it.
 */
public final class CallFaults {

    private static final String KEY = CallFaults.class.getName();

    private final List<RecordedCall.AppliedFault> applied = new CopyOnWriteArrayList<>();
    private volatile boolean reachedVendor;

    private CallFaults() {}

    /** The call's faults, created on first use. */
    public static CallFaults of(RoutingContext context) {
        CallFaults faults = context.get(KEY);
        if (faults == null) {
            faults = new CallFaults();
            context.put(KEY, faults);
        }
        return faults;
    }

    public void applied(String faultId, String kind) {
        applied.add(new RecordedCall.AppliedFault(faultId, kind));
    }

    /** The call went on to the vendor's own handling. */
    public void reachedVendor() {
        reachedVendor = true;
    }

    /** What the call's record says about faults: null when no fault touched it. */
    static RecordedCall.Fault recorded(RoutingContext context) {
        CallFaults faults = context.get(KEY);
        if (faults == null || faults.applied.isEmpty()) {
            return null;
        }
        return new RecordedCall.Fault(faults.reachedVendor, List.copyOf(faults.applied));
    }
}
