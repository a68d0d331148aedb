package io.fulfillmenthub.sandbox.spresso;

import io.fulfillmenthub.sandbox.vendor.SimulatedVendor;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Spresso, the storefront, as the sandbox's shared parts see it: it sends webhooks. */
@Singleton
public class SpressoVendor implements SimulatedVendor {

    public static final String ID = "spresso";

    private final SpressoOrderBook orders;

    SpressoVendor(SpressoOrderBook orders) {
        this.orders = orders;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean sendsWebhooks() {
        return true;
    }

    /**
     * Spresso's error body {@code {"error", "message"}}. [unknown] The codes {@code rate_limited} and
     * {@code service_unavailable} are the sandbox's own; Spresso documents none.
     */
    @Override
    public Optional<Object> injectedErrorBody(int status, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", status == 429 ? "rate_limited" : "service_unavailable");
        body.put("message", message);
        return Optional.of(body);
    }

    @Override
    public void reset() {
        orders.clear();
    }
}
