package io.fulfillmenthub.sandbox.squarespace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulfillmenthub.sandbox.squarespace.SquarespaceOrderJson.Shipment;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The simulated Squarespace Commerce API under {@code /squarespace/1.0}: the orders (one, or a listing by
 * modification time with cursor paging), the fulfillments call, and the webhook subscriptions.
 */
@Path("/squarespace/1.0")
@Produces(MediaType.APPLICATION_JSON)
@SquarespaceApi
public class SquarespaceApiResource {

    /** How long a held fulfillments call waits for the control API's release at most. */
    private static final long HOLD_LIMIT_SECONDS = 60;
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final SquarespaceOrderBook orders;
    private final SquarespaceSubscriptions subscriptions;
    private final SquarespaceBehaviour behaviour;
    private final SquarespaceWebhooks webhooks;
    private final ObjectMapper json;

    SquarespaceApiResource(SquarespaceOrderBook orders, SquarespaceSubscriptions subscriptions, SquarespaceBehaviour behaviour,
            SquarespaceWebhooks webhooks, ObjectMapper json) {
        this.orders = orders;
        this.subscriptions = subscriptions;
        this.behaviour = behaviour;
        this.webhooks = webhooks;
        this.json = json;
    }

    @ServerExceptionMapper
    Response refused(SquarespaceError error) {
        return error.response();
    }

    @GET
    @Path("/commerce/orders/{id}")
    public SquarespaceOrderJson.Order order(@RestPath String id) {
        SquarespaceOrder order = find(id);
        return orders.read(order, SquarespaceOrder::view);
    }

    @GET
    @Path("/commerce/orders")
    public SquarespaceOrderJson.Page list(@RestQuery String modifiedAfter, @RestQuery String modifiedBefore,
            @RestQuery String cursor, @RestQuery String fulfillmentStatus, @Context UriInfo uri) {
        SquarespaceOrderBook.ListPage page = orders.list(SquarespaceOrderQuery.of(modifiedAfter, modifiedBefore, cursor,
                fulfillmentStatus));
        String next = page.next().map(SquarespaceOrderQuery::cursor).orElse(null);
        String nextUrl = next == null ? null
                : uri.getAbsolutePathBuilder().replaceQuery(null).queryParam("cursor", next).build().toString();
        return new SquarespaceOrderJson.Page(page.orders(), new SquarespaceOrderJson.Pagination(next != null, next, nextUrl));
    }

    /**
     * Adds shipments and marks the order FULFILLED: 204. Not idempotent: each call adds its shipments (unless
     * the behaviour honours {@code Idempotency-Key}). 409 while another call on the order is in progress or
     * when the control API asked for one.
     */
    @POST
    @Path("/commerce/orders/{id}/fulfillments")
    @Blocking
    public Response fulfill(@RestPath String id, @HeaderParam("Idempotency-Key") String idempotencyKey, byte[] body) {
        SquarespaceOrder order = find(id);
        String key = behaviour.settings().honourIdempotencyKey() && idempotencyKey != null
                && IDEMPOTENCY_KEY.matcher(idempotencyKey).matches() ? idempotencyKey : null;
        if (key != null && order.answeredBefore(key) != null) {
            return Response.status(order.answeredBefore(key)).build();
        }
        List<Shipment> shipments = shipments(body);
        if (order.takeConflict() || !order.enter()) {
            throw SquarespaceError.concurrentModification(id);
        }
        boolean fulfilledNow;
        try {
            waitIfHeld(order);
            fulfilledNow = orders.addShipments(order, shipments);
            if (key != null) {
                order.rememberAnswer(key, 204);
            }
        } finally {
            order.leave();
        }
        if (fulfilledNow) {
            webhooks.notifyLater(order, SquarespaceWebhooks.ORDER_UPDATE, SquarespaceOrder.FULFILLED);
        }
        return Response.noContent().build();
    }

    @GET
    @Path("/webhook_subscriptions")
    public Map<String, Object> subscriptions() {
        return Map.of("webhookSubscriptions", subscriptions.views());
    }

    /** [unknown] 201 (Squarespace's status for a created resource; the page does not say). */
    @POST
    @Path("/webhook_subscriptions")
    public Response subscribe(byte[] body) {
        JsonNode request = object(body);
        String endpointUrl = request.path("endpointUrl").isTextual() ? request.path("endpointUrl").asText() : null;
        if (endpointUrl == null || endpointUrl.isBlank()) {
            throw SquarespaceError.missing("endpointUrl: is required");
        }
        if (!isWebUrl(endpointUrl)) {
            throw SquarespaceError.invalid("endpointUrl: must be an http(s) URL");
        }
        JsonNode topics = request.path("topics");
        if (!topics.isArray() || topics.isEmpty()) {
            throw SquarespaceError.missing("topics: a non-empty array is required");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode topic : topics) {
            if (!topic.isTextual() || !SquarespaceSubscriptions.TOPICS.contains(topic.asText())) {
                throw SquarespaceError.invalid("topics: each must be one of extension.uninstall, order.create, order.update");
            }
            names.add(topic.asText());
        }
        SquarespaceSubscriptions.Subscription created = subscriptions.create(endpointUrl, names);
        return Response.status(201).entity(Map.of("id", created.id(), "endpointUrl", created.endpointUrl(),
                "topics", created.topics(), "secret", created.secret())).build();
    }

    @POST
    @Path("/webhook_subscriptions/{id}/actions/rotateSecret")
    public Map<String, String> rotateSecret(@RestPath String id) {
        return subscriptions.rotate(id).map(rotated -> Map.of("secret", rotated.secret()))
                .orElseThrow(() -> SquarespaceError.notFound("The requested Webhook Subscription was not found: " + id));
    }

    private SquarespaceOrder find(String id) {
        return orders.find(id).orElseThrow(() -> SquarespaceError.notFound("The requested Order was not found: " + id));
    }

    private void waitIfHeld(SquarespaceOrder order) {
        CompletableFuture<Void> hold = order.hold();
        if (hold == null) {
            return;
        }
        try {
            hold.get(HOLD_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // released by the limit: the call goes on
        }
    }

    /**
     * The documented validation: {@code shipments[]} each with {@code shipDate} (ISO 8601 UTC), {@code carrierName},
     * {@code service} and {@code trackingNumber} required (MISSING_ARGUMENT), {@code trackingUrl} optional but a valid
     * URL (INVALID_ARGUMENT). [unknown] A malformed body, a {@code shipDate} that is no date or a
     * {@code shouldSendNotification} that is no boolean are INVALID_ARGUMENT too. Nothing is applied when refused.
     */
    private List<Shipment> shipments(byte[] body) {
        JsonNode request = object(body);
        JsonNode notify = request.get("shouldSendNotification");
        if (notify != null && !notify.isNull() && !notify.isBoolean()) {
            throw SquarespaceError.invalid("shouldSendNotification: must be true or false");
        }
        JsonNode shipments = request.get("shipments");
        if (shipments == null || shipments.isNull()) {
            return List.of();
        }
        if (!shipments.isArray()) {
            throw SquarespaceError.invalid("shipments: must be an array");
        }
        List<String> missing = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        List<Shipment> read = new ArrayList<>();
        for (int i = 0; i < shipments.size(); i++) {
            JsonNode shipment = shipments.get(i);
            String at = "shipments[" + i + "].";
            String shipDate = text(shipment, "shipDate", at, missing);
            String carrierName = text(shipment, "carrierName", at, missing);
            String service = text(shipment, "service", at, missing);
            String trackingNumber = text(shipment, "trackingNumber", at, missing);
            JsonNode url = shipment.path("trackingUrl");
            String trackingUrl = url.isTextual() ? url.asText() : null;
            if (shipDate != null && !isUtcDate(shipDate)) {
                invalid.add(at + "shipDate: must be an ISO 8601 UTC date and time");
            }
            if (!url.isMissingNode() && !url.isNull() && (trackingUrl == null || !isWebUrl(trackingUrl))) {
                invalid.add(at + "trackingUrl: must be a valid URL");
            }
            read.add(new Shipment(shipDate, carrierName, service, trackingNumber, trackingUrl));
        }
        if (!missing.isEmpty()) {
            throw SquarespaceError.missing("One or more of the required fields are missing: " + String.join(", ", missing));
        }
        if (!invalid.isEmpty()) {
            throw SquarespaceError.invalid(String.join("; ", invalid));
        }
        return read;
    }

    private static String text(JsonNode shipment, String field, String at, List<String> missing) {
        JsonNode value = shipment.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            missing.add(at + field);
            return null;
        }
        return value.asText();
    }

    private JsonNode object(byte[] body) {
        try {
            JsonNode node = body == null || body.length == 0 ? null : json.readTree(body);
            if (node == null || !node.isObject()) {
                throw SquarespaceError.invalid("body: must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw SquarespaceError.invalid("body: is not JSON");
        }
    }

    private static boolean isUtcDate(String text) {
        try {
            return OffsetDateTime.parse(text).getOffset().getTotalSeconds() == 0;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isWebUrl(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
