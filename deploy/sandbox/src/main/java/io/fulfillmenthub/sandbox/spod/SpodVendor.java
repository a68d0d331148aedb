package io.fulfillmenthub.sandbox.spod;

import io.fulfillmenthub.sandbox.vendor.SimulatedVendor;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;

/** SPOD, the fulfiller, as the sandbox's shared parts see it: it sends no webhooks. */
@Singleton
public class SpodVendor implements SimulatedVendor {

    public static final String ID = "spod";

    private final SpodOrderBook orders;
    private final SpodBehaviour behaviour;

    SpodVendor(SpodOrderBook orders, SpodBehaviour behaviour) {
        this.orders = orders;
        this.behaviour = behaviour;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean sendsWebhooks() {
        return false;
    }

    /** SPOD's error body, {@code retryable: true}, as SPOD says of what passes. */
    @Override
    public Optional<Object> injectedErrorBody(int status, String message) {
        return Optional.of(new SpodError(message, UUID.randomUUID().toString(), true));
    }

    @Override
    public void reset() {
        orders.clear();
        behaviour.reset();
    }
}
