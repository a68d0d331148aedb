package io.fulfillmenthub.sandbox.squarespace;

import io.fulfillmenthub.sandbox.vendor.SimulatedVendor;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Squarespace, the second storefront, as the sandbox's shared parts see it: it sends webhooks. */
@Singleton
public class SquarespaceVendor implements SimulatedVendor {

    public static final String ID = "squarespace";

    private final SquarespaceOrderBook orders;
    private final SquarespaceSubscriptions subscriptions;
    private final SquarespaceBehaviour behaviour;

    SquarespaceVendor(SquarespaceOrderBook orders, SquarespaceSubscriptions subscriptions,
            SquarespaceBehaviour behaviour) {
        this.orders = orders;
        this.subscriptions = subscriptions;
        this.behaviour = behaviour;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean sendsWebhooks() {
        return true;
    }

    /** Squarespace's error object; [unknown] the type of a 429 or a 5xx is not documented. */
    @Override
    public Optional<Object> injectedErrorBody(int status, String message) {
        return Optional.of(SquarespaceError.body(status == 429 ? SquarespaceBehaviour.RATE_LIMITED : "INTERNAL_ERROR", null, message));
    }

    @Override
    public void reset() {
        orders.clear();
        subscriptions.reset();
        behaviour.reset();
    }
}
