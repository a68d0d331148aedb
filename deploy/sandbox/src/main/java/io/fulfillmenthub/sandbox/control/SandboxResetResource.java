package io.fulfillmenthub.sandbox.control;

import io.fulfillmenthub.sandbox.calls.CallLog;
import io.fulfillmenthub.sandbox.faults.FaultBook;
import io.fulfillmenthub.sandbox.timing.ScenarioTimings;
import io.fulfillmenthub.sandbox.vendor.SimulatedVendor;
import io.fulfillmenthub.sandbox.vendor.Vendors;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /_sandbox/reset}: forgets every order, call and timing and ends every fault, as a fresh
 * start would, so a long benchmark can run step after step without the sandbox's memory growing.
 * Tokens stay valid; calls a fault held go through, webhook deliveries it held are forgotten.
 */
@Path("/_sandbox/reset")
public class SandboxResetResource {

    private final Vendors vendors;
    private final CallLog calls;
    private final ScenarioTimings timings;
    private final FaultBook faults;

    SandboxResetResource(Vendors vendors, CallLog calls, ScenarioTimings timings, FaultBook faults) {
        this.vendors = vendors;
        this.calls = calls;
        this.timings = timings;
        this.faults = faults;
    }

    @POST
    public Response reset() {
        faults.reset();
        vendors.all().forEach(SimulatedVendor::reset);
        calls.clear();
        timings.clear();
        return Response.noContent().build();
    }
}
