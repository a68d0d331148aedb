package io.fulfillmenthub.sandbox.vendor;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every simulated vendor, found as CDI beans: how shared code finds them without naming one. */
@Singleton
public class Vendors {

    private final List<SimulatedVendor> all;

    Vendors(Instance<SimulatedVendor> vendors) {
        all = vendors.stream().sorted(Comparator.comparing(SimulatedVendor::id)).toList();
    }

    public List<SimulatedVendor> all() {
        return all;
    }

    public Optional<SimulatedVendor> byId(String id) {
        return all.stream().filter(vendor -> vendor.id().equals(id)).findFirst();
    }

    /** The vendor whose API serves this request path, if any. */
    public Optional<SimulatedVendor> servingPath(String path) {
        return all.stream().filter(vendor -> vendor.serves(path)).findFirst();
    }

    /** The ids, for messages: {@code spod, spresso}. */
    public String ids() {
        return all.stream().map(SimulatedVendor::id).collect(Collectors.joining(", "));
    }
}
