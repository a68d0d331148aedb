package io.fulfillmenthub.orchestrator.api;

import io.fulfillmenthub.contracts.model.OrderStatus;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Locale;

/** Operations API over orders: one order with its timeline, and pages of orders. Validates, then asks {@link OrderQueries}. */
@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    /** Not an order status: an order of any status that waits on a dead letter not replayed yet. */
    static final String BLOCKED = "BLOCKED";

    @Inject
    OrderQueries queries;

    @Inject
    DeadLetterQueries deadLetters;

    /** @param orderId the hub order id, e.g. {@code spresso:6114} (or {@code spresso%3A6114}) */
    @GET
    @Path("/{orderId}")
    public Uni<Response> order(@PathParam("orderId") String orderId) {
        return queries.order(orderId).chain(order -> order != null ? Uni.createFrom().item(Response.ok(order).build())
                // e.g. its OrderPlaced, or the webhook it came in, is a dead letter
                : deadLetters.notReplayedCount(orderId).map(count -> ApiError.notFound("no order " + orderId
                        + (count == 0 ? "" : "; it has " + count + " dead letters not replayed: GET /dead-letters?order="
                                + orderId))));
    }

    /**
     * @param status an order status, or {@code BLOCKED}: the orders with a dead letter not replayed yet
     * @param after the {@code next} of the previous page; absent for the first page
     */
    @GET
    public Uni<Response> orders(@QueryParam("status") String status, @QueryParam("limit") String limit,
            @QueryParam("after") String after) {
        OrderStatus wanted = null;
        boolean blocked = false;
        if (status != null && !status.isBlank()) {
            String name = status.trim().toUpperCase(Locale.ROOT);
            if (name.equals(BLOCKED)) {
                blocked = true;
            } else {
                try {
                    wanted = OrderStatus.valueOf(name);
                } catch (IllegalArgumentException e) {
                    return Uni.createFrom().item(ApiError.badParameter("status", "status must be one of "
                            + Arrays.toString(OrderStatus.values()) + " or " + BLOCKED + ", was '" + status + "'"));
                }
            }
        }
        int size;
        try {
            size = Paging.limit(limit);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(ApiError.badParameter("limit", e.getMessage()));
        }
        // no or an empty after: from the first order
        return queries.page(wanted, blocked, after == null || after.isBlank() ? null : after, size)
                .map(page -> Response.ok(page).build());
    }
}
