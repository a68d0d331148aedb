package io.fulfillmenthub.orchestrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulfillmenthub.contracts.commands.SaleMode;
import io.fulfillmenthub.contracts.model.OrderStatus;
import io.fulfillmenthub.contracts.model.LineQuantity;
import io.fulfillmenthub.orchestrator.domain.HeldParcelAssignmentException;
import io.fulfillmenthub.orchestrator.domain.IllegalTransitionException;
import io.fulfillmenthub.orchestrator.domain.UnknownFulfillmentException;
import io.fulfillmenthub.orchestrator.domain.UnknownShipmentException;
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
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operations API over orders: one order with its timeline, pages of orders, and what operators record on
 * an order. Validates, then asks {@link OrderQueries} or {@link OrderOperations}.
 */
@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "orders", description = "Orders with their fulfillments, shipments and timeline; what operators record on them")
@APIResponse(responseCode = "401", description = "no bearer token, or one refused (expired, another key or issuer)",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@APIResponse(responseCode = "403", description = "the token lacks the role",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
public class OrderResource {

    static final String ORDER_ID = "the hub order id, e.g. spresso:6114 (or URL-encoded spresso%3A6114)";
    static final String FULFILLMENT_ID = "the hub fulfillment id (spresso:6114:f-1) or the storefront's (f-1)";

    /** Not an order status: an order of any status that waits on a dead letter not replayed yet. */
    static final String BLOCKED = "BLOCKED";

    @Inject
    OrderQueries queries;

    @Inject
    DeadLetterQueries deadLetters;

    @Inject
    OrderOperations operations;

    @Inject
    ObjectMapper json;

    /** @param orderId the hub order id, e.g. {@code spresso:6114} (or {@code spresso%3A6114}) */
    @GET
    @Path("/{orderId}")
    @RolesAllowed({OperationsRoles.VIEWER, OperationsRoles.OPERATOR})
    @Operation(summary = "One order: status, lines, fulfillments, shipments, holds, dead letters and the whole timeline")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "404", description = "no such order (the message says when it has dead letters)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<Response> order(@Parameter(description = ORDER_ID, example = "spresso:6114") @PathParam("orderId") String orderId) {
        return queries.order(orderId).chain(order -> order != null ? Uni.createFrom().item(Response.ok(order).build())
                // e.g. its OrderPlaced, or the webhook it came in, is a dead letter
                : deadLetters.notReplayedCount(orderId).map(count -> ApiError.notFound("no order " + orderId
                        + (count == 0 ? "" : "; it has " + count + " dead letters not replayed: GET /dead-letters?order="
                                + orderId))));
    }

    /**
     * Records that the parcel with this tracking number reached the customer, as a tracking service's
     * {@code ShipmentDelivered} would; optional body {@code {"deliveredAt": "<ISO-8601 instant>"}} (default:
     * now). 200 with the order; 404 for an unknown order or tracking number; 400 naming a bad field. A parcel
     * already delivered stays as it was (noted on the timeline).
     */
    @POST
    @Path("/{orderId}/shipments/{trackingNumber}/delivered")
    @RolesAllowed(OperationsRoles.OPERATOR)
    @Operation(summary = "Record that a parcel reached the customer (as a tracking service's ShipmentDelivered)")
    @APIResponse(responseCode = "200", description = "the order", content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "a bad body field, named in parameter",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "no such order, or no shipment with that tracking number",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    // any content type: the body is read as JSON whatever a client (curl -d) declares
    public Uni<Response> shipmentDelivered(
            @Parameter(description = ORDER_ID, example = "spresso:6114") @PathParam("orderId") String orderId,
            @Parameter(description = "the parcel's tracking number") @PathParam("trackingNumber") String trackingNumber,
            @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = false, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequestSchemas.Delivered.class)))
            String body, @Context SecurityContext security) {
        Instant deliveredAt;
        try {
            JsonNode fields = RequestBody.object(json, body, Set.of("deliveredAt"), true);
            deliveredAt = fields == null ? Instant.now() : RequestBody.instant(fields, "deliveredAt", Instant.now());
        } catch (RequestBody.BadField bad) {
            return Uni.createFrom().item(ApiError.badParameter(bad.field(), bad.getMessage()));
        }
        return operations.shipmentDelivered(orderId, trackingNumber, deliveredAt, Operator.of(security))
                .chain(stored -> stored ? order(orderId) : Uni.createFrom().item(ApiError.notFound("no order " + orderId)))
                .onFailure(UnknownShipmentException.class)
                .recoverWithItem(unknown -> ApiError.notFound(unknown.getMessage()));
    }

    /**
     * Makes a parcel its fulfiller's connector could not match ({@code FulfillmentHeld} {@code unmatched-shipment})
     * a shipment of the lines given: body {@code {"lines": [{"lineId": "var-1", "quantity": 2}]}}. The same
     * effects as a {@code ShipmentDispatched} ({@code AddShipment} to the storefront); once no parcel of the
     * fulfillment waits, it leaves ON_HOLD for the status its shipments give. 200 with the order; 400 naming
     * the field (nothing applied); 404 for an unknown order, fulfillment or held parcel; 409 when the parcel
     * was assigned already (assigning twice changes nothing).
     *
     * @param fulfillmentId the hub fulfillment id, or the storefront's ({@code f-1})
     */
    @POST
    @Path("/{orderId}/fulfillments/{fulfillmentId}/parcels/{trackingNumber}/assign")
    @RolesAllowed(OperationsRoles.OPERATOR)
    @Operation(summary = "Make a held parcel (unmatched-shipment) a shipment of the lines given")
    @APIResponse(responseCode = "200", description = "the order", content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "a bad body field, named in parameter (nothing applied)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "no such order, fulfillment or held parcel",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "the parcel was assigned already",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<Response> assignHeldParcel(
            @Parameter(description = ORDER_ID, example = "spresso:6114") @PathParam("orderId") String orderId,
            @Parameter(description = FULFILLMENT_ID, example = "f-1") @PathParam("fulfillmentId") String fulfillmentId,
            @Parameter(description = "the held parcel's tracking number") @PathParam("trackingNumber") String trackingNumber,
            @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequestSchemas.Assignment.class)))
            String body, @Context SecurityContext security) {
        List<LineQuantity> lines;
        try {
            lines = RequestBody.lineQuantities(RequestBody.object(json, body, Set.of("lines"), false), "lines");
        } catch (RequestBody.BadField bad) {
            return Uni.createFrom().item(ApiError.badParameter(bad.field(), bad.getMessage()));
        }
        String hubFulfillmentId = fulfillmentId.startsWith(orderId + ":") ? fulfillmentId : orderId + ":" + fulfillmentId;
        return operations.assignHeldParcel(orderId, hubFulfillmentId, trackingNumber, lines, Operator.of(security))
                .chain(stored -> stored ? order(orderId) : Uni.createFrom().item(ApiError.notFound("no order " + orderId)))
                .onFailure(HeldParcelAssignmentException.class).recoverWithItem(failure -> {
                    var refused = (HeldParcelAssignmentException) failure;
                    return switch (refused.kind()) {
                        case INVALID -> ApiError.badParameter(refused.field(), refused.getMessage());
                        case NOT_FOUND -> ApiError.notFound(refused.getMessage());
                        case ALREADY_ASSIGNED -> ApiError.conflict(refused.getMessage());
                    };
                });
    }

    /**
     * Sends a fulfillment its fulfiller failed ({@code REJECTED}) or cancelled on its own ({@code CANCELLED}, the
     * storefront not having cancelled the order) to the fulfiller again, under a new external id
     * {@code <fulfillmentId>-r<n>} (n = 2, 3, ...): a {@code SubmitPrintOrder} carrying it, the fulfillment PENDING.
     * No body. 200 with the order; 404 for an unknown order or fulfillment; 409 with the fulfillment's current
     * state otherwise (a second request while the resubmission is pending is refused: it sends nothing).
     *
     * @param fulfillmentId the hub fulfillment id, or the storefront's ({@code f-1})
     */
    @POST
    @Path("/{orderId}/fulfillments/{fulfillmentId}/resubmit")
    @RolesAllowed(OperationsRoles.OPERATOR)
    @Operation(summary = "Send a fulfillment its fulfiller rejected or cancelled on its own again, under its next external id")
    @APIResponse(responseCode = "200", description = "the order", content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "404", description = "no such order or fulfillment",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "its state allows no resubmission (named in the message)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<Response> resubmit(
            @Parameter(description = ORDER_ID, example = "spresso:6114") @PathParam("orderId") String orderId,
            @Parameter(description = FULFILLMENT_ID, example = "f-1") @PathParam("fulfillmentId") String fulfillmentId,
            @Context SecurityContext security) {
        String hubFulfillmentId = fulfillmentId.startsWith(orderId + ":") ? fulfillmentId : orderId + ":" + fulfillmentId;
        return operations.resubmit(orderId, hubFulfillmentId, Operator.of(security))
                .chain(stored -> stored ? order(orderId) : Uni.createFrom().item(ApiError.notFound("no order " + orderId)))
                .onFailure(UnknownFulfillmentException.class)
                .recoverWithItem(unknown -> ApiError.notFound(unknown.getMessage()))
                .onFailure(IllegalTransitionException.class)
                .recoverWithItem(refused -> ApiError.conflict(refused.getMessage()));
    }

    /**
     * A store handed a sale over (the customer collected it, or it left for local delivery), as reported through
     * the hub: the point of sale is asked to close it ({@code FulfilSale} with the sale's mode). Optional body
     * {@code {"mode": "pickup"|"delivery"}}: the mode the caller means, checked against the sale's. 202 with the
     * order (the fulfillment moves when the point of sale reports it); 404 for an unknown order or fulfillment;
     * 409 when it is not an open store sale (not a store's, its sale not created yet, handed over, cancelled) or
     * not of that mode; 400 naming the field for a bad body. Nothing is sent on any refusal.
     *
     * @param fulfillmentId the hub fulfillment id, or the storefront's ({@code f-2})
     */
    @POST
    @Path("/{orderId}/fulfillments/{fulfillmentId}/handover")
    @RolesAllowed(OperationsRoles.OPERATOR)
    @Operation(summary = "A store handed a sale over: ask the point of sale to close it (FulfilSale)")
    @APIResponse(responseCode = "202", description = "the order; the fulfillment moves when the point of sale reports it",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "a bad body field, named in parameter",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "no such order or fulfillment",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "not an open store sale, or not of that mode",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<Response> handover(
            @Parameter(description = ORDER_ID, example = "spresso:6114") @PathParam("orderId") String orderId,
            @Parameter(description = FULFILLMENT_ID, example = "f-2") @PathParam("fulfillmentId") String fulfillmentId,
            @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = false, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequestSchemas.Handover.class)))
            String body, @Context SecurityContext security) {
        SaleMode expected;
        try {
            JsonNode fields = RequestBody.object(json, body, Set.of("mode"), true);
            expected = fields == null ? null : saleMode(fields.get("mode"));
        } catch (RequestBody.BadField bad) {
            return Uni.createFrom().item(ApiError.badParameter(bad.field(), bad.getMessage()));
        }
        String hubFulfillmentId = fulfillmentId.startsWith(orderId + ":") ? fulfillmentId : orderId + ":" + fulfillmentId;
        return operations.handover(orderId, hubFulfillmentId, expected, Operator.of(security))
                .chain(stored -> stored ? order(orderId).map(view -> view.getStatus() == 200
                        ? Response.accepted(view.getEntity()).build() : view)
                        : Uni.createFrom().item(ApiError.notFound("no order " + orderId)))
                .onFailure(UnknownFulfillmentException.class)
                .recoverWithItem(unknown -> ApiError.notFound(unknown.getMessage()))
                .onFailure(IllegalTransitionException.class)
                .recoverWithItem(refused -> ApiError.conflict(refused.getMessage()));
    }

    private static SaleMode saleMode(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            switch (value.asText().trim().toLowerCase(Locale.ROOT)) {
                case "pickup":
                    return SaleMode.PICKUP;
                case "delivery":
                    return SaleMode.DELIVERY;
                default:
                    break;
            }
        }
        throw new RequestBody.BadField("mode", "mode must be \"pickup\" or \"delivery\", was " + value);
    }

    /**
     * @param status an order status, or {@code BLOCKED}: the orders with a dead letter not replayed yet
     * @param after the {@code next} of the previous page; absent for the first page
     */
    @GET
    @RolesAllowed({OperationsRoles.VIEWER, OperationsRoles.OPERATOR})
    @Operation(summary = "Pages of orders by hub order id, optionally of one status or BLOCKED")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OrderPage.class)))
    @APIResponse(responseCode = "400", description = "a bad status or limit, named in parameter",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<Response> orders(
            @Parameter(description = "an order status, or BLOCKED (a dead letter not replayed)", example = "ON_HOLD",
                    schema = @Schema(type = SchemaType.STRING)) @QueryParam("status") String status,
            @Parameter(description = Paging.LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit,
            @Parameter(description = "the previous page's next; absent for the first page") @QueryParam("after") String after) {
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
