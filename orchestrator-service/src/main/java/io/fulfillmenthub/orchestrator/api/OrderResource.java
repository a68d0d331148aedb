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

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    @Inject
    OrderQueries queries;

    /** @param orderId the hub order id, e.g. {@code spresso:6114} (or {@code spresso%3A6114}) */
    @GET
    @Path("/{orderId}")
    public Uni<Response> order(@PathParam("orderId") String orderId) {
        return queries.order(orderId).map(order -> order == null
                ? ApiError.notFound("no order " + orderId)
                : Response.ok(order).build());
    }

    /**
     * @param after the {@code next} of the previous page; absent for the first page
     */
    @GET
    public Uni<Response> orders(@QueryParam("status") String status, @QueryParam("limit") String limit,
            @QueryParam("after") String after) {
        OrderStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = OrderStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return Uni.createFrom().item(ApiError.badParameter("status", "status must be one of "
                        + Arrays.toString(OrderStatus.values()) + ", was '" + status + "'"));
            }
        }
        int size = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                size = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > MAX_LIMIT) {
                return Uni.createFrom().item(ApiError.badParameter("limit",
                        "limit must be a whole number from 1 to " + MAX_LIMIT + ", was '" + limit + "'"));
            }
        }
        // no or an empty after: from the first order
        return queries.page(wanted, after == null || after.isBlank() ? null : after, size).map(page -> Response.ok(page).build());
    }
}
