package io.fulfillmenthub.sandbox.spod;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The simulated SPOD Industrial Fulfillment API. External order ids may contain {@code /} (the
 * hub's do, e.g. {@code spresso:6114/f-1}), so the id path segment takes the rest of the path,
 * encoded ({@code %2F}) or not.
 */
@Path("/spod")
@SpodApi
@Produces(MediaType.APPLICATION_JSON)
public class SpodApiResource {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;
    private static final Instant EPOCH = Instant.EPOCH;

    private final SpodOrderBook orders;
    private final SpodBehaviour behaviour;
    private final ObjectMapper json;

    SpodApiResource(SpodOrderBook orders, SpodBehaviour behaviour, ObjectMapper json) {
        this.orders = orders;
        this.behaviour = behaviour;
        this.json = json;
    }

    /** Meta information, usable as a status check; needs no token. */
    @GET
    public Map<String, Object> meta(@Context UriInfo uri) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", "Industrial Fulfillment API (sandbox)");
        meta.put("version", "1.0.0-beta");
        meta.put("documentation", uri.getBaseUriBuilder().path("spod/docs").build().toString());
        meta.put("contact", "the fulfillment hub's deploy/sandbox README");
        return meta;
    }

    @POST
    @Path("/orders")
    @SpodScope(SpodTokenIssuer.WRITE)
    public Response submit(String body, @Context UriInfo uri) {
        JsonNode request;
        try {
            request = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            return SpodError.response(400, "body: is not valid JSON");
        }
        SpodOrderSubmission submission;
        try {
            submission = SpodOrderSubmission.from(request);
        } catch (SpodOrderSubmission.Invalid e) {
            return SpodError.response(400, e.getMessage());
        }
        try {
            orders.submit(submission);
        } catch (SpodOrderBook.DuplicateExternalOrderId e) {
            // [unknown] SPOD's answer to a duplicate: docs/first-channel.md assumes this 400.
            return SpodError.response(400, "external-order-id already exists");
        }
        URI location = orderUrl(uri, submission.externalOrderId());
        Map<String, String> created = new LinkedHashMap<>();
        created.put("external-order-id", submission.externalOrderId());
        created.put("url", location.toString());
        return Response.created(location).entity(created).build();
    }

    @GET
    @Path("/orders")
    @SpodScope(SpodTokenIssuer.READ)
    public Response list(@RestQuery String limit, @RestQuery String offset,
            @RestQuery("updated-since") String updatedSince, @RestQuery("created-since") String createdSince,
            @RestQuery String state) {
        int pageSize;
        int skip;
        Instant updatedBound;
        Instant createdBound;
        Optional<SpodOrderState> wanted = Optional.empty();
        try {
            pageSize = integer(limit, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
            skip = integer(offset, "offset", 0, 0, Integer.MAX_VALUE);
            updatedBound = rfc3339(updatedSince, "updated-since");
            createdBound = rfc3339(createdSince, "created-since");
        } catch (IllegalArgumentException e) {
            return SpodError.response(400, e.getMessage());
        }
        if (state != null && !state.isEmpty()) {
            wanted = SpodOrderState.byWire(state);
            if (wanted.isEmpty()) {
                return SpodError.response(400,
                        "state: must be one of acknowledged, confirmed, sent, failed, canceled");
            }
        }
        SpodBehaviour.Settings settings = behaviour.settings();
        List<SpodOrderDetail> page = orders.list(new SpodOrderQuery(pageSize, skip, updatedBound, createdBound, wanted),
                settings.listOrder());
        if (settings.listShape() == SpodBehaviour.ListShape.ARRAY) {
            return Response.ok(page).build();
        }
        Map<String, Object> wrapped = new LinkedHashMap<>();
        wrapped.put("orders", page);
        wrapped.put("limit", pageSize);
        wrapped.put("offset", skip);
        return Response.ok(wrapped).build();
    }

    @GET
    @Path("/orders/{externalOrderId: .+}")
    @SpodScope(SpodTokenIssuer.READ)
    public Response detail(@RestPath String externalOrderId) {
        return orders.find(externalOrderId)
                .map(order -> Response.ok(order.detail()).build())
                .orElseGet(() -> SpodError.response(404, "order not found: " + externalOrderId));
    }

    /** SPOD documents the read scope for cancelling, so that is what is required. */
    @POST
    @Path("/orders/{externalOrderId: .+}/cancel")
    @SpodScope(SpodTokenIssuer.READ)
    public Response cancel(@RestPath String externalOrderId) {
        Optional<SpodOrder> order = orders.find(externalOrderId);
        if (order.isEmpty()) {
            return SpodError.response(404, "order not found: " + externalOrderId);
        }
        try {
            orders.change(order.get(), now -> order.get().cancel(now, behaviour.settings().cancelConfirmed()));
        } catch (IllegalSpodTransition e) {
            return SpodError.response(400, "order could not be canceled: " + e.getMessage());
        }
        // [unknown] The 200 body: SPOD's sample shows a state field.
        return Response.ok(Map.of("state", SpodOrderState.CANCELED.wire())).build();
    }

    /**
     * [unknown] The documented sample is a list of objects whose fields are collapsed; the sandbox names the
     * code {@code country-code}, as the order's address does.
     */
    @GET
    @Path("/shipping-countries")
    @SpodScope(SpodTokenIssuer.READ)
    public List<Map<String, String>> shippingCountries() {
        return behaviour.settings().shippingCountries().stream().sorted()
                .map(code -> Map.of("country-code", code, "name", new Locale("", code).getDisplayCountry(Locale.ENGLISH)))
                .toList();
    }

    /**
     * {@code GET /product-types}: the documented response sample is an empty array, and the shape of a
     * product type is not documented, so the sandbox lists none rather than invent one.
     */
    @GET
    @Path("/product-types")
    @SpodScope(SpodTokenIssuer.READ)
    public List<Map<String, Object>> productTypes() {
        return List.of();
    }

    /** {@code GET /product-types/{id}}: documented 200 or 404 "Product Type not found"; none is listed, so 404. */
    @GET
    @Path("/product-types/{productTypeId}")
    @SpodScope(SpodTokenIssuer.READ)
    public Response productType(@RestPath String productTypeId) {
        return SpodError.response(404, "Product Type not found: " + productTypeId);
    }

    private static URI orderUrl(UriInfo uri, String externalOrderId) {
        String encoded = URLEncoder.encode(externalOrderId, StandardCharsets.UTF_8).replace("+", "%20");
        return URI.create(uri.getBaseUri().toString().replaceAll("/$", "") + "/spod/orders/" + encoded);
    }

    private static int integer(String value, String name, int defaultValue, int min, int max) {
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(name + ": must be an integer from " + min
                + (max == Integer.MAX_VALUE ? " up" : " to " + max));
    }

    /** RFC 3339; a '+' of the offset left unencoded in the query arrives as a space, so it is put back. */
    private static Instant rfc3339(String value, String name) {
        if (value == null || value.isEmpty()) {
            return EPOCH;
        }
        try {
            return OffsetDateTime.parse(value.replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": must be an RFC 3339 date-time such as 2019-02-28T16:29:34+01:00");
        }
    }
}
