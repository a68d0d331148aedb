package io.fulfillmenthub.orchestrator.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operations API over the outbox: the messages the relay parked (the broker kept refusing them; their
 * orders wait behind them), and a retry of one. Validates, then asks {@link OutboxOperations}.
 */
@Path("/outbox/parked")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "outbox", description = "Outbox messages the relay parked, and their retry")
@APIResponse(responseCode = "401", description = "no bearer token, or one refused (expired, another key or issuer)",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@APIResponse(responseCode = "403", description = "the token lacks the role",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
public class OutboxResource {

    @Inject
    OutboxOperations operations;

    /** @param after the {@code next} of the previous page; absent for the first page */
    @GET
    @RolesAllowed({OperationsRoles.VIEWER, OperationsRoles.OPERATOR})
    @Operation(summary = "Pages of parked outbox messages of every order, by id")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OutboxPage.class)))
    @APIResponse(responseCode = "400", description = "a bad limit or after, named in parameter", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<Response> parked(
            @Parameter(description = Paging.LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit,
            @Parameter(description = "the previous page's next; absent for the first page",
                    schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("after") String after) {
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
    @RolesAllowed(OperationsRoles.OPERATOR)
    @Operation(summary = "Publish a parked message again with a fresh count of attempts; its order follows once it is out")
    @APIResponse(responseCode = "200", description = "the message, un-parked",
            content = @Content(schema = @Schema(implementation = OutboxMessageView.class)))
    @APIResponse(responseCode = "400", description = "id is not a number", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "no parked message has that id", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<Response> retry(@Parameter(description = "the parked message's id", schema = @Schema(type = SchemaType.INTEGER))
            @PathParam("id") String id, @Context SecurityContext security) {
        long messageId = number(id);
        if (messageId < 1) {
            return Uni.createFrom().item(ApiError.badParameter("id",
                    "id must be the id of a parked outbox message, was '" + id + "'"));
        }
        return operations.retry(messageId, Operator.of(security)).map(message -> message == null
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
