package io.fulfillmenthub.sandbox.spresso;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulfillmenthub.sandbox.config.SandboxConfig;
import io.fulfillmenthub.sandbox.control.ControlError;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Drives the simulated Spresso: a customer's paid order becomes fulfillable (the webhook is sent to
 * the hub), or is cancelled in the admin console. Sending blocks on the hub's answers.
 */
@Path("/_sandbox/spresso/orders")
@Produces(MediaType.APPLICATION_JSON)
public class SpressoScenarioResource {

    /** The order as it now is, and the webhook that told the hub. */
    public record Placed(SpressoOrderJson.OrderState order, SpressoOrderJson.WebhookSent webhook) {}

    private final SpressoOrderBook orders;
    private final SpressoWebhooks webhooks;
    private final SandboxConfig config;
    private final ObjectMapper json;

    SpressoScenarioResource(SpressoOrderBook orders, SpressoWebhooks webhooks, SandboxConfig config,
            ObjectMapper json) {
        this.orders = orders;
        this.webhooks = webhooks;
        this.config = config;
        this.json = json;
    }

    @POST
    @Blocking
    public Response place(PlaceSpressoOrder request) {
        if (request == null) {
            return ControlError.invalid("body: is required");
        }
        Optional<Response> refusal = checkDelivery(request.deliveries());
        if (refusal.isPresent()) {
            return refusal.get();
        }
        SpressoOrder order;
        try {
            order = orders.create(request.toNewOrder());
        } catch (IllegalArgumentException e) {
            return ControlError.invalid(e.getMessage());
        }
        SpressoOrderJson.WebhookSent sent = webhooks.send(order, SpressoWebhooks.ORDER_FULFILLABLE,
                request.eventId(), request.deliveries(), orders.now().toString());
        return Response.status(201).entity(new Placed(order.state(), sent)).build();
    }

    @GET
    public List<SpressoOrderJson.OrderState> list() {
        return orders.all().stream().map(SpressoOrder::state)
                .sorted(Comparator.comparing((SpressoOrderJson.OrderState s) -> s.statusHistory().get(0).updatedAt())
                        .thenComparing(SpressoOrderJson.OrderState::id))
                .toList();
    }

    @GET
    @Path("/{orderId}")
    public Response get(@RestPath String orderId) {
        return orders.find(orderId)
                .map(order -> Response.ok(order.state()).build())
                .orElseGet(() -> ControlError.notFound("Spresso order not found: " + orderId));
    }

    /**
     * Cancelled in Spresso's admin console, which sends {@code order_cancelled}. The body, optional
     * and of any content type, is {@code {"times"?: n, "eventId"?: "..."}}.
     */
    @POST
    @Path("/{orderId}/cancel")
    @Blocking
    public Response cancel(@RestPath String orderId, String body) {
        WebhookDeliveryOptions delivery;
        try {
            delivery = body == null || body.isBlank()
                    ? new WebhookDeliveryOptions(null, null)
                    : json.readValue(body, WebhookDeliveryOptions.class);
        } catch (JsonProcessingException e) {
            return ControlError.invalid("body: must be {\"times\"?: n, \"eventId\"?: \"...\"}");
        }
        Optional<SpressoOrder> order = orders.find(orderId);
        if (order.isEmpty()) {
            return ControlError.notFound("Spresso order not found: " + orderId);
        }
        Optional<Response> refusal = checkDelivery(delivery.deliveries());
        if (refusal.isPresent()) {
            return refusal.get();
        }
        try {
            orders.cancel(order.get());
        } catch (IllegalStateException e) {
            return ControlError.of(409, "conflict", e.getMessage());
        }
        SpressoOrderJson.WebhookSent sent = webhooks.send(order.get(), SpressoWebhooks.ORDER_CANCELLED,
                delivery.eventId(), delivery.deliveries(), orders.now().toString());
        return Response.ok(new Placed(order.get().state(), sent)).build();
    }

    private Optional<Response> checkDelivery(int times) {
        if (times < 1 || times > PlaceSpressoOrder.MAX_TIMES) {
            return Optional.of(ControlError.invalid("times: must be from 1 to " + PlaceSpressoOrder.MAX_TIMES));
        }
        if (config.spresso().clientSecret().isEmpty()) {
            return Optional.of(ControlError.of(503, "not_configured",
                    "sandbox.spresso.client-secret is not configured: webhooks cannot be signed"));
        }
        return Optional.empty();
    }
}
