package io.fulfillmenthub.sandbox.lightspeed;

import io.fulfillmenthub.sandbox.vendor.SimulatedVendor;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Lightspeed X-Series, the stores, as the sandbox's shared parts see it: it sends webhooks. */
@Singleton
public class LightspeedVendor implements SimulatedVendor {

    public static final String ID = "lightspeed";

    private final LightspeedSaleBook sales;
    private final LightspeedTokens tokens;
    private final LightspeedBehaviour behaviour;
    private final HeldCreates held;

    LightspeedVendor(LightspeedSaleBook sales, LightspeedTokens tokens, LightspeedBehaviour behaviour, HeldCreates held) {
        this.sales = sales;
        this.tokens = tokens;
        this.behaviour = behaviour;
        this.held = held;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean sendsWebhooks() {
        return true;
    }

    /** Lightspeed's {@code {error, message}}; a 429's error as documented. */
    @Override
    public Optional<Object> injectedErrorBody(int status, String message) {
        return Optional.of(LightspeedError.body(status == 429 ? LightspeedAccessGate.RATE_LIMITED : "Internal Server Error", message));
    }

    @Override
    public void reset() {
        held.releaseAll();
        sales.clear();
        tokens.reset();
        behaviour.reset();
    }
}
