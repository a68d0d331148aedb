package io.fulfillmenthub.sandbox.squarespace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulfillmenthub.sandbox.config.SandboxConfig;
import io.fulfillmenthub.sandbox.control.ControlError;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Drives the simulated Squarespace store ({@code /_sandbox/squarespace}): a checkout (and its {@code order.create}
 * notification), a cancellation in the store's admin ({@code order.update} CANCELED), the order as the store sees
 * it, and the fulfillments call's 409s, holds, rate limit and idempotency switches. Sending blocks on the hub.
 */
@Path("/_sandbox/squarespace")
@Produces(MediaType.APPLICATION_JSON)
public class SquarespaceScenarioResource {

    /** The order as it now is, and the notifications that told the hub (one per subscription). */
    public record Notified(SquarespaceOrderJson.OrderState order, List<SquarespaceOrderJson.NotificationSent> notifications) {}

    /** {@code PUT /behaviour}: the switches to change; absent ones stay. */
    public record BehaviourChange(Integer rateLimitPerMinute, Long coolDownMs, Boolean honourIdempotencyKey) {}

    private final SquarespaceOrderBook orders;
    private final SquarespaceWebhooks webhooks;
    private final SquarespaceBehaviour behaviour;
    private final SandboxConfig config;
    private final ObjectMapper json;

    SquarespaceScenarioResource(SquarespaceOrderBook orders, SquarespaceWebhooks webhooks, SquarespaceBehaviour behaviour,
            SandboxConfig config, ObjectMapper json) {
        this.orders = orders;
        this.webhooks = webhooks;
        this.behaviour = behaviour;
        this.config = config;
        this.json = json;
    }

    @POST
    @Path("/orders")
    @Blocking
    public Response create(NewSquarespaceOrder request) {
        if (request == null) {
            return ControlError.invalid("body: is required");
        }
        SquarespaceOrder order;
        try {
            request.notification().check();
            order = orders.create(request);
        } catch (IllegalArgumentException e) {
            return ControlError.invalid(e.getMessage());
        }
        List<SquarespaceOrderJson.NotificationSent> sent = webhooks.notify(order, SquarespaceWebhooks.ORDER_CREATE, null,
                request.notification());
        return Response.status(201).entity(new Notified(orders.read(order, SquarespaceOrder::state), sent)).build();
    }

    @GET
    @Path("/orders")
    public List<SquarespaceOrderJson.OrderState> list() {
        return orders.all().stream().map(order -> orders.read(order, SquarespaceOrder::state))
                .sorted(Comparator.comparing((SquarespaceOrderJson.OrderState s) -> s.order().createdOn())
                        .thenComparing(s -> s.order().id()))
                .toList();
    }

    @GET
    @Path("/orders/{id}")
    public Response get(@RestPath String id) {
        return withOrder(id, order -> Response.ok(orders.read(order, SquarespaceOrder::state)).build());
    }

    /**
     * Cancelled in the store's admin: {@code CANCELED} and {@code order.update} with {@code update: CANCELED}.
     * The body, optional, is {@code {"notify"?, "times"?, "hold"?}}; 409 when already cancelled.
     */
    @POST
    @Path("/orders/{id}/cancel")
    @Blocking
    public Response cancel(@RestPath String id, String body) {
        NotificationOptions options;
        try {
            options = body == null || body.isBlank() ? NotificationOptions.once() : json.readValue(body, NotificationOptions.class);
            options.check();
        } catch (JsonProcessingException e) {
            return ControlError.invalid("body: must be {\"notify\"?: bool, \"times\"?: n, \"hold\"?: bool}");
        } catch (IllegalArgumentException e) {
            return ControlError.invalid(e.getMessage());
        }
        return withOrder(id, order -> {
            try {
                orders.cancel(order);
            } catch (IllegalStateException e) {
                return ControlError.of(409, "conflict", e.getMessage());
            }
            List<SquarespaceOrderJson.NotificationSent> sent = webhooks.notify(order, SquarespaceWebhooks.ORDER_UPDATE,
                    SquarespaceOrder.CANCELED, options);
            return Response.ok(new Notified(orders.read(order, SquarespaceOrder::state), sent)).build();
        });
    }

    /** A change in the store's admin (a refund, a payment recorded...) and its {@code order.update}. */
    @POST
    @Path("/orders/{id}/update")
    @Blocking
    public Response update(@RestPath String id, UpdateSquarespaceOrder change) {
        if (change == null) {
            return ControlError.invalid("body: is required, e.g. {\"update\": \"REFUNDED\"}");
        }
        return withOrder(id, order -> {
            try {
                change.notification().check();
                orders.update(order, change);
            } catch (IllegalArgumentException e) {
                return ControlError.invalid(e.getMessage());
            }
            List<SquarespaceOrderJson.NotificationSent> sent = webhooks.notify(order, SquarespaceWebhooks.ORDER_UPDATE,
                    change.update(), change.notification());
            return Response.ok(new Notified(orders.read(order, SquarespaceOrder::state), sent)).build();
        });
    }

    /** The next {@code count} fulfillments calls on the order are answered 409 CONCURRENT_MODIFICATION. */
    @POST
    @Path("/orders/{id}/conflicts")
    public Response conflicts(@RestPath String id, Map<String, Integer> body) {
        int count = body == null || body.get("count") == null ? 1 : body.get("count");
        if (count < 1 || count > 1000) {
            return ControlError.invalid("count: must be from 1 to 1000");
        }
        return withOrder(id, order -> {
            order.askConflicts(count);
            return Response.noContent().build();
        });
    }

    /** The order's next fulfillments call stays in progress (so others get 409) until released. */
    @POST
    @Path("/orders/{id}/hold-fulfillments")
    public Response hold(@RestPath String id) {
        return withOrder(id, order -> {
            order.holdNextCall();
            return Response.noContent().build();
        });
    }

    @POST
    @Path("/orders/{id}/release-fulfillments")
    public Response release(@RestPath String id) {
        return withOrder(id, order -> {
            order.release();
            return Response.noContent().build();
        });
    }

    @GET
    @Path("/behaviour")
    public Map<String, Object> behaviour() {
        SquarespaceBehaviour.Settings settings = behaviour.settings();
        return Map.of("rateLimitPerMinute", settings.rateLimitPerMinute(), "coolDownMs", settings.coolDownMs(),
                "honourIdempotencyKey", settings.honourIdempotencyKey(),
                "coolDownUntil", behaviour.coolDownUntil().map(Instant::toString).orElse(""));
    }

    @PUT
    @Path("/behaviour")
    public Response change(BehaviourChange change) {
        if (change == null) {
            return ControlError.invalid("body: is required");
        }
        try {
            behaviour.change(change.rateLimitPerMinute(), change.coolDownMs(), change.honourIdempotencyKey());
        } catch (IllegalArgumentException e) {
            return ControlError.invalid(e.getMessage());
        }
        return Response.ok(behaviour()).build();
    }

    /** Back to the configuration, no count, no cool-down. */
    @DELETE
    @Path("/behaviour")
    public Response restore() {
        behaviour.reset();
        return Response.ok(behaviour()).build();
    }

    /**
     * A 429 storm now: every Squarespace API call is refused 429 for {@code durationMs} (default the
     * cool-down in force).
     */
    @POST
    @Path("/rate-limit/storm")
    public Response storm(Map<String, Long> body) {
        Long durationMs = body == null ? null : body.get("durationMs");
        if (durationMs != null && (durationMs < 1 || durationMs > 86_400_000)) {
            return ControlError.invalid("durationMs: must be from 1 to 86400000");
        }
        Instant until = behaviour.startCoolDown(durationMs == null ? null : Duration.ofMillis(durationMs));
        return Response.ok(Map.of("coolDownUntil", until.toString())).build();
    }

    private Response withOrder(String id, Function<SquarespaceOrder, Response> action) {
        Optional<SquarespaceOrder> order = orders.find(id);
        return order.map(action).orElseGet(() -> ControlError.notFound("Squarespace order not found: " + id));
    }
}
