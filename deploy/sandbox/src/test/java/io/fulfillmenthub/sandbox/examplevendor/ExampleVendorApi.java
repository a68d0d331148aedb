package io.fulfillmenthub.sandbox.examplevendor;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** The example vendor's API: a counter of things. */
@Path("/example/things")
@Produces(MediaType.APPLICATION_JSON)
public class ExampleVendorApi {

    private final ExampleVendor vendor;

    ExampleVendorApi(ExampleVendor vendor) {
        this.vendor = vendor;
    }

    @GET
    public Map<String, Integer> count() {
        return Map.of("things", vendor.things.get());
    }

    @POST
    public Map<String, Integer> add() {
        return Map.of("things", vendor.things.incrementAndGet());
    }
}
