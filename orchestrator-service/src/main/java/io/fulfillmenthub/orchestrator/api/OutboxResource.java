package io.fulfillmenthub.orchestrator.api;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Operations API over the outbox: the messages the relay parked (the broker kept refusing them; their
 * orders wait behind them), and a retry of one. Validates, then asks {@link OutboxOperations}.
 */
@Path("/outbox/parked")
@Produces(MediaType.APPLICATION_JSON)
public class OutboxResource {

    @Inject
    OutboxOperations operations;

    /** @param after the {@code next} of the previous page; absent for the first page */
    @GET
    public Uni<Response> parked(@QueryParam("limit") String limit, @QueryParam("after") String after) {
        int size;
        try {
            size = Paging.limit(limit);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(ApiError.badParameter("limit", e.getMessage()));
        }
        long from = 0;
        if (after != null && !after.isBlank()) {
            from = number(after);
            if (from < 0) {
                return Uni.createFrom().item(ApiError.badParameter("after",
                        "after must be the next of the previous page (a whole number), was '" + after + "'"));
            }
        }
        return operations.parked(from, size).map(page -> Response.ok(page).build());
    }

    /** Publishes the parked message again, with a fresh count of attempts; its order follows once it is out. */
    @POST
    @Path("/{id}/retry")
    public Uni<Response> retry(@PathParam("id") String id) {
        long messageId = number(id);
        if (messageId < 1) {
            return Uni.createFrom().item(ApiError.badParameter("id",
                    "id must be the id of a parked outbox message, was '" + id + "'"));
        }
        return operations.retry(messageId).map(message -> message == null
                ? ApiError.notFound("no parked outbox message " + messageId)
                : Response.ok(message).build());
    }

    /** The whole number, or -1 when it is none (outbox ids are bigint). */
    private static long number(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
