package io.fulfillmenthub.sandbox.lightspeed;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Drives the simulated Lightspeed store ({@code /_sandbox/lightspeed}): the sales as the store sees them, a
 * hand-over by staff at the till (which sends {@code sale.update}), held create answers, the behaviour switches, a
 * 429 storm, the tokens, and a reset. Not rate-limited, no credentials.
 */
@Path("/_sandbox/lightspeed")
@Produces(MediaType.APPLICATION_JSON)
public class LightspeedScenarioResource {

    /** {@code PUT /behaviour}: the switches to change; absent ones stay. */
    public record BehaviourChange(Integer rateLimitPerWindow, Long windowMs, String voidClosed) {}

    /** {@code POST /hold-creates}. */
    public record HoldCreates(String sourceId, Integer count) {}

    private final LightspeedSaleBook sales;
    private final LightspeedWebhooks webhooks;
    private final LightspeedBehaviour behaviour;
    private final LightspeedTokens tokens;
    private final HeldCreates held;
    private final LightspeedVendor vendor;

    LightspeedScenarioResource(LightspeedSaleBook sales, LightspeedWebhooks webhooks, LightspeedBehaviour behaviour,
            LightspeedTokens tokens, HeldCreates held, LightspeedVendor vendor) {
        this.sales = sales;
        this.webhooks = webhooks;
        this.behaviour = behaviour;
        this.tokens = tokens;
        this.held = held;
        this.vendor = vendor;
    }

    /** Every sale (of one {@code source_id} when given), oldest first. */
    @GET
    @Path("/sales")
    public List<Map<String, Object>> list(@RestQuery("source_id") String sourceId) {
        // the book keeps the order of creation
        return sales.all().stream()
                .filter(sale -> sourceId == null || sourceId.equals(sale.request.sourceId()))
                .map(sale -> sales.read(sale, LightspeedSale::detail)).toList();
    }

    @GET
    @Path("/sales/{id}")
    public Response sale(@RestPath String id) {
        return sales.find(id).map(sale -> Response.ok(sales.read(sale, LightspeedSale::detail)).build())
                .orElseGet(() -> ControlError.notFound("no Lightspeed sale " + id));
    }

    /**
     * Staff hand the sale over at the till: picked up (AWAITING_PICKUP) or dispatched (AWAITING_DISPATCH); the
     * webhook is delivered {@code times} times (default 1), none with {@code notify: false}. 409 when not open.
     */
    @POST
    @Path("/sales/{id}/handover")
    @Blocking
    public Response handover(@RestPath String id, Map<String, Object> request) {
        Object notifyField = request == null ? null : request.get("notify");
        Object timesField = request == null ? null : request.get("times");
        if (notifyField != null && !(notifyField instanceof Boolean)) {
            return ControlError.invalid("notify: must be true or false");
        }
        if (timesField != null && !(timesField instanceof Integer)) {
            return ControlError.invalid("times: must be a whole number from 1 to 20");
        }
        boolean notify = notifyField == null || (Boolean) notifyField;
        int times = timesField == null ? 1 : (Integer) timesField;
        if (times < 1 || times > 20) {
            return ControlError.invalid("times: must be from 1 to 20 (notify: false sends none)");
        }
        LightspeedSale sale = sales.find(id).orElse(null);
        if (sale == null) {
            return ControlError.notFound("no Lightspeed sale " + id);
        }
        String type = sales.handoverType(sale).orElse(null);
        if (type == null) {
            return ControlError.of(409, "not_open", "sale " + id + " is " + sales.read(sale, s -> s.status)
                    + ": only an AWAITING_PICKUP or AWAITING_DISPATCH sale can be handed over");
        }
        try {
            sales.fulfil(sale, type, "till");
        } catch (LightspeedError raced) {
            return ControlError.of(409, "not_open", raced.getMessage());
        }
        webhooks.notify(sale, notify ? times : 0);
        return Response.ok(sales.read(sale, LightspeedSale::detail)).build();
    }

    @POST
    @Path("/hold-creates")
    public Response holdCreates(HoldCreates request) {
        int count = request == null || request.count() == null ? 1 : request.count();
        if (count < 1) {
            return ControlError.invalid("count: must be at least 1");
        }
        held.hold(request == null ? null : request.sourceId(), count);
        return Response.ok(Map.of("pending", held.pending(), "limitSeconds", HeldCreates.LIMIT_SECONDS)).build();
    }

    @POST
    @Path("/release-creates")
    public Map<String, Object> releaseCreates() {
        return Map.of("released", held.releaseAll());
    }

    @GET
    @Path("/behaviour")
    public Map<String, Object> behaviour() {
        LightspeedBehaviour.Settings settings = behaviour.settings();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("rateLimitPerWindow", settings.rateLimitPerWindow());
        view.put("windowMs", settings.windowMs());
        view.put("voidClosed", settings.voidClosed().name());
        view.put("stormUntil", behaviour.stormUntil().map(Instant::toString).orElse(""));
        return view;
    }

    @PUT
    @Path("/behaviour")
    public Response change(BehaviourChange change) {
        if (change == null) {
            return ControlError.invalid("body: is required");
        }
        try {
            behaviour.change(change.rateLimitPerWindow(), change.windowMs(), change.voidClosed());
        } catch (IllegalArgumentException e) {
            return ControlError.invalid(e.getMessage());
        }
        return Response.ok(behaviour()).build();
    }

    @DELETE
    @Path("/behaviour")
    public Map<String, Object> restore() {
        behaviour.reset();
        return behaviour();
    }

    /** Every API call answers 429 for {@code durationMs}, its {@code Retry-After} the storm's end. */
    @POST
    @Path("/rate-limit/storm")
    public Response storm(Map<String, Long> body) {
        Long durationMs = body == null ? null : body.get("durationMs");
        if (durationMs == null || durationMs < 1) {
            return ControlError.invalid("durationMs: is required, at least 1");
        }
        return Response.ok(Map.of("stormUntil", behaviour.storm(Duration.ofMillis(durationMs)).toString())).build();
    }

    @GET
    @Path("/tokens")
    public LightspeedTokens.Counts tokens() {
        return tokens.counts();
    }

    /** Every access token issued expires now: the next API call with one is answered 401. */
    @POST
    @Path("/tokens/expire")
    public Map<String, Object> expire() {
        return Map.of("expired", tokens.expireAll());
    }

    /** Forgets every sale, hold and token and restores the behaviour: the configured first refresh token is valid again. */
    @POST
    @Path("/reset")
    public Response reset() {
        vendor.reset();
        return Response.noContent().build();
    }
}
