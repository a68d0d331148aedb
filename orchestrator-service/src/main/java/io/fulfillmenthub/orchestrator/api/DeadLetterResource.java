package io.fulfillmenthub.orchestrator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulfillmenthub.kit.deadletter.DeadLetterHeaders;
import io.fulfillmenthub.orchestrator.deadletter.DeadLetterFilter;
import io.fulfillmenthub.orchestrator.deadletter.DeadLetterReplay;
import io.fulfillmenthub.orchestrator.deadletter.ReplaySelection;
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
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Operations API over the dead letters of every consumer group: pages of them, and replays of one, of an
 * order's, or of all of one group's of one type. Validates, then asks {@link DeadLetterQueries} or
 * {@link DeadLetterReplay}.
 */
@Path("/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
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
    public Uni<Response> deadLetters(@QueryParam("group") String group, @QueryParam("order") String order,
            @QueryParam("type") String type, @QueryParam("kind") String kind, @QueryParam("replayed") String replayed,
            @QueryParam("limit") String limit, @QueryParam("after") String after) {
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
    public Uni<Response> replayOne(@PathParam("id") String id) {
        long deadLetter;
        try {
            deadLetter = Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            return bad("id", "id must be a dead letter's id (a whole number), was '" + id + "'");
        }
        return replay.replay(deadLetter)
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
    // any content type: the body is read as JSON whatever a client (curl -d) declares
    public Uni<Response> replayMany(String body) {
        ReplaySelection selection;
        try {
            selection = selection(body);
        } catch (BadField bad) {
            return bad(bad.field, bad.getMessage());
        }
        return replay.replay(selection)
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
