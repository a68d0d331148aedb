package io.fulfillmenthub.sandbox.spod;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulfillmenthub.sandbox.vendor.SimulatedVendor;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;

/** SPOD, the fulfiller, as the sandbox's shared parts see it: it sends no webhooks. */
@Singleton
public class SpodVendor implements SimulatedVendor {

    public static final String ID = "spod";

    private final ObjectMapper json;
    private final SpodOrderBook orders;
    private final SpodBehaviour behaviour;

    SpodVendor(ObjectMapper json, SpodOrderBook orders, SpodBehaviour behaviour) {
        this.json = json;
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
    public Optional<String> injectedErrorBody(int status, String message) {
        try {
            return Optional.of(json.writeValueAsString(new SpodError(message, UUID.randomUUID().toString(), true)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void reset() {
        orders.clear();
        behaviour.reset();
    }
}
