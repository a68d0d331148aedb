package io.fulfillmenthub.sandbox.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulfillmenthub.sandbox.vendor.SimulatedVendor;
import io.fulfillmenthub.sandbox.vendor.Vendors;
import io.fulfillmenthub.sandbox.faults.FaultBook;
import io.fulfillmenthub.sandbox.faults.FaultSpec;
import io.fulfillmenthub.sandbox.faults.FaultView;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Faults in the vendors, to prove the hub through them: add one, list those in force, end one or
 * all. Ending a fault lets the calls it holds through and sends the webhooks it holds, so the
 * deleting calls block while those webhooks go out.
 */
@Path("/_sandbox/faults")
@Produces(MediaType.APPLICATION_JSON)
public class FaultsResource {

    private final FaultBook faults;
    private final ObjectMapper json;
    private final Vendors vendors;

    FaultsResource(FaultBook faults, ObjectMapper json, Vendors vendors) {
        this.faults = faults;
        this.json = json;
        this.vendors = vendors;
    }

    /** The body is read here, not bound, so that a wrong field is named in the refusal. */
    @POST
    public Response add(String body) {
        JsonNode request;
        try {
            request = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            return ControlError.invalid("body: is not JSON: " + e.getOriginalMessage());
        }
        FaultSpec spec;
        try {
            spec = FaultSpec.parse(request, vendors);
        } catch (FaultSpec.InvalidFault e) {
            return ControlError.invalid(e.getMessage());
        }
        FaultView fault = faults.add(spec);
        return Response.created(URI.create("/_sandbox/faults/" + fault.id())).entity(fault).build();
    }

    @GET
    public Response list(@RestQuery String vendor) {
        return vendor(vendor).map(v -> Response.ok(faults.list(v)).build())
                .orElseGet(this::unknownVendor);
    }

    @GET
    @Path("/{id}")
    public Response get(@RestPath String id) {
        return faults.find(id).map(fault -> Response.ok(fault).build())
                .orElseGet(() -> ControlError.notFound("no fault " + id + " is in force"));
    }

    @DELETE
    @Blocking
    public Response clear(@RestQuery String vendor) {
        Optional<Optional<SimulatedVendor>> which = vendor(vendor);
        if (which.isEmpty()) {
            return unknownVendor();
        }
        faults.clear(which.get());
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{id}")
    @Blocking
    public Response remove(@RestPath String id) {
        return faults.remove(id)
                ? Response.noContent().build()
                : ControlError.notFound("no fault " + id + " is in force");
    }

    /** Empty when the vendor is unknown; holds an empty vendor when none was asked for. */
    private Optional<Optional<SimulatedVendor>> vendor(String vendor) {
        if (vendor == null || vendor.isBlank()) {
            return Optional.of(Optional.empty());
        }
        return vendors.byId(vendor).map(Optional::of);
    }

    private Response unknownVendor() {
        return ControlError.invalid("vendor: must be one of " + vendors.ids());
    }
}
