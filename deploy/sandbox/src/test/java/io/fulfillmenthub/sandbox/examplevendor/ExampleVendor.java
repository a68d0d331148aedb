package io.fulfillmenthub.sandbox.examplevendor;

import io.fulfillmenthub.sandbox.vendor.SimulatedVendor;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A vendor that exists only in the tests, added the way Squarespace will be: one package, nothing shared edited. */
@Singleton
public class ExampleVendor implements SimulatedVendor {

    final AtomicInteger things = new AtomicInteger();

    @Override
    public String id() {
        return "example";
    }

    @Override
    public boolean sendsWebhooks() {
        return false;
    }

    @Override
    public Optional<Object> injectedErrorBody(int status, String message) {
        return Optional.of(Map.of("exampleError", status));
    }

    @Override
    public void reset() {
        things.set(0);
    }
}
