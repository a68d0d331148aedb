package io.fulfillmenthub.orchestrator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulfillmenthub.kit.deadletter.DeadLetterHeaders;
import io.fulfillmenthub.orchestrator.deadletter.DeadLetterFilter;
import io.fulfillmenthub.orchestrator.deadletter.DeadLetterReplay;
import io.fulfillmenthub.orchestrator.deadletter.ReplaySelection;
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
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operations API over the dead letters of every consumer group: pages of them, and replays of one, of an
 * order's, or of all of one group's of one type. Validates, then asks {@link DeadLetterQueries} or
 * {@link DeadLetterReplay}.
 */
@Path("/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "dead letters", description = "Dead letters of every consumer group, and their replay")
@APIResponse(responseCode = "401", description = "no bearer token, or one refused (expired, another key or issuer)",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@APIResponse(responseCode = "403", description = "the token lacks the role",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
public class DeadLetterResource {

    static final Set<String> KINDS = Set.of(DeadLetterHeaders.KIND_CONTRACT, DeadLetterHeaders.KIND_POISON,
            DeadLetterHeaders.KIND_HELD);
    private static final Set<String> SELECTION_FIELDS = Set.of("order", "group", "type");

    @Inject
    DeadLetterQueries queries;

    @Inject
    DeadLetterReplay replay;

    @Inject
    ObjectMapper json;

    /**
     * @param replayed {@code true} or {@code false}; absent for both
     * @param after the {@code next} of the previous page; absent for the first page
     */
    @GET
    @RolesAllowed({OperationsRoles.VIEWER, OperationsRoles.OPERATOR})
    @Operation(summary = "Pages of dead letters by id, filtered by group, order, type, kind and replayed")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DeadLetterPage.class)))
    @APIResponse(responseCode = "400", description = "a bad kind, replayed, limit or after, named in parameter",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<Response> deadLetters(
            @Parameter(description = "the consumer group", example = "spod-connector") @QueryParam("group") String group,
            @Parameter(description = "the hub order id", example = "spresso:6114") @QueryParam("order") String order,
            @Parameter(description = "the CloudEvent type", example = "hub.command.submit-print-order.v1")
            @QueryParam("type") String type,
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"contract", "poison", "held"}))
            @QueryParam("kind") String kind,
            @Parameter(description = "absent for both", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("replayed") String replayed,
            @Parameter(description = Paging.LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit,
            @Parameter(description = "the previous page's next; absent for the first page",
                    schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("after") String after) {
        String wantedKind = given(kind);
        if (wantedKind != null && !KINDS.contains(wantedKind)) {
            return bad("kind", "kind must be one of " + KINDS + ", was '" + kind + "'");
        }
        Boolean wantedReplayed = null;
        if (given(replayed) != null) {
            wantedReplayed = switch (replayed.trim().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> null;
            };
            if (wantedReplayed == null) {
                return bad("replayed", "replayed must be true or false, was '" + replayed + "'");
            }
        }
        long from = 0;
        if (given(after) != null) {
            try {
                from = Long.parseLong(after.trim());
            } catch (NumberFormatException e) {
                return bad("after", "after must be the next of the previous page (a whole number), was '" + after + "'");
            }
        }
        int size;
        try {
            size = Paging.limit(limit);
        } catch (IllegalArgumentException e) {
            return bad("limit", e.getMessage());
        }
        var filter = new DeadLetterFilter(given(group), given(order), given(type), wantedKind, wantedReplayed);
        return queries.page(filter, from, size).map(page -> Response.ok(page).build());
    }

    /** Replays the dead letter, whether it was replayed before or not. */
    @POST
    @Path("/{id}/replay")
    @RolesAllowed(OperationsRoles.OPERATOR)
    @Operation(summary = "Replay one dead letter to the topic it came from (replayed before or not)")
    @APIResponse(responseCode = "200", description = "the dead letter, marked replayed",
            content = @Content(schema = @Schema(implementation = DeadLetterView.class)))
    @APIResponse(responseCode = "400", description = "id is not a number", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "no such dead letter", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "503", description = "the broker did not acknowledge it", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<Response> replayOne(@Parameter(description = "the dead letter's id", schema = @Schema(type = SchemaType.INTEGER))
            @PathParam("id") String id, @Context SecurityContext security) {
        long deadLetter;
        try {
            deadLetter = Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            return bad("id", "id must be a dead letter's id (a whole number), was '" + id + "'");
        }
        return replay.replay(deadLetter, Operator.of(security).describe())
                .map(entry -> entry == null ? ApiError.notFound("no dead letter " + deadLetter)
                        : Response.ok(DeadLetterView.of(entry, Instant.now())).build())
                .onFailure().recoverWithItem(failure -> ApiError.unavailable(
                        "dead letter " + deadLetter + " was not replayed: " + failure.getMessage()));
    }

    /**
     * Replays the dead letters not replayed yet of one order, {@code {"order": "spresso:6114"}}, or all of
     * one group's of one type, {@code {"group": "spod-connector", "type": "hub.command.submit-print-order.v1"}}.
     */
    @POST
    @Path("/replay")
    @RolesAllowed(OperationsRoles.OPERATOR)
    @Operation(summary = "Replay the dead letters not replayed yet of one order, or of one group and type, in offset order")
    @APIResponse(responseCode = "200", description = "those replayed (empty when none waited)",
            content = @Content(schema = @Schema(implementation = RequestSchemas.Replayed.class)))
    @APIResponse(responseCode = "400", description = "a bad body field, named in parameter", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "503", description = "one was not acknowledged; the message says how many were replayed",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    // any content type: the body is read as JSON whatever a client (curl -d) declares
    public Uni<Response> replayMany(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RequestSchemas.Replay.class))) String body, @Context SecurityContext security) {
        ReplaySelection selection;
        try {
            selection = selection(body);
        } catch (BadField bad) {
            return bad(bad.field, bad.getMessage());
        }
        return replay.replay(selection, Operator.of(security).describe())
                .map(replayed -> {
                    Instant now = Instant.now();
                    return Response.ok(Map.of("replayed",
                            replayed.stream().map(entry -> DeadLetterView.of(entry, now)).toList())).build();
                })
                .onFailure().recoverWithItem(failure -> ApiError.unavailable(failure.getMessage()));
    }

    private ReplaySelection selection(String body) {
        JsonNode selection;
        try {
            selection = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadField("body", "the body must be a JSON object: " + e.getOriginalMessage());
        }
        if (selection == null || !selection.isObject()) {
            throw new BadField("body", "the body must be a JSON object naming an order, or a group and a type");
        }
        for (Iterator<String> names = selection.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!SELECTION_FIELDS.contains(name)) {
                throw new BadField(name, "unknown field '" + name + "': give order, or group and type");
            }
        }
        String order = text(selection, "order");
        String group = text(selection, "group");
        String type = text(selection, "type");
        if (order != null) {
            if (group != null || type != null) {
                throw new BadField(group != null ? "group" : "type",
                        "give either order, or group and type, not both");
            }
            return ReplaySelection.ofOrder(order);
        }
        if (group == null && type == null) {
            throw new BadField("order", "the body must name an order, or a group and a type");
        }
        if (group == null) {
            throw new BadField("group", "group is required with type: all of one group's dead letters of one type");
        }
        if (type == null) {
            throw new BadField("type", "type is required with group: all of one group's dead letters of one type");
        }
        return ReplaySelection.ofKind(group, type);
    }

    private static String text(JsonNode selection, String field) {
        JsonNode value = selection.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new BadField(field, field + " must be a non-blank string, was " + value);
        }
        return value.asText();
    }

    private static String given(String parameter) {
        return parameter == null || parameter.isBlank() ? null : parameter.trim();
    }

    private static Uni<Response> bad(String parameter, String message) {
        return Uni.createFrom().item(ApiError.badParameter(parameter, message));
    }

    /** A field of the body that is missing, unknown or of the wrong form. */
    private static final class BadField extends RuntimeException {
        private final String field;

        BadField(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
