package io.fulfillmenthub.sandbox.calls;

import io.fulfillmenthub.sandbox.vendor.SimulatedVendor;
import io.fulfillmenthub.sandbox.vendor.Vendors;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestQuery;

/** The record of what the vendor APIs received, for tests and for a curious reader. */
@Path("/_sandbox/calls")
@Produces(MediaType.APPLICATION_JSON)
public class CallsResource {

    private final CallLog log;
    private final Vendors vendors;

    CallsResource(CallLog log, Vendors vendors) {
        this.log = log;
        this.vendors = vendors;
    }

    @GET
    public Response list(@RestQuery String vendor) {
        if (vendor == null || vendor.isBlank()) {
            return Response.ok(log.list(Optional.empty())).build();
        }
        Optional<SimulatedVendor> known = vendors.byId(vendor);
        if (known.isEmpty()) {
            return Response.status(400)
                    .entity(Map.of("error", "invalid_request", "message", "vendor must be one of " + vendors.ids()))
                    .build();
        }
        return Response.ok(log.list(known)).build();
    }

    @DELETE
    public Response clear() {
        log.clear();
        return Response.noContent().build();
    }
}
