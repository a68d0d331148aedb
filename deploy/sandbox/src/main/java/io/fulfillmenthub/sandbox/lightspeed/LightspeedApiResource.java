package io.fulfillmenthub.sandbox.lightspeed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The simulated Lightspeed X-Series API under {@code /lightspeed/api}: register sales (create, and void by posting
 * the sale's id with {@code VOIDED}), the 2.0 fulfil endpoint, a sale, its fulfillments, and the change feed of
 * sales by version. Every change sends {@code sale.update}.
 */
@Path("/lightspeed/api")
@Produces(MediaType.APPLICATION_JSON)
@LightspeedApi
public class LightspeedApiResource {

    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 1000;
    private static final Set<String> CREATE_STATUSES = Set.of(LightspeedSale.AWAITING_PICKUP, LightspeedSale.AWAITING_DISPATCH);

    private final LightspeedSaleBook sales;
    private final LightspeedWebhooks webhooks;
    private final LightspeedBehaviour behaviour;
    private final HeldCreates held;
    private final ObjectMapper json;

    LightspeedApiResource(LightspeedSaleBook sales, LightspeedWebhooks webhooks, LightspeedBehaviour behaviour, HeldCreates held,
            ObjectMapper json) {
        this.sales = sales;
        this.webhooks = webhooks;
        this.behaviour = behaviour;
        this.held = held;
        this.json = json;
    }

    @ServerExceptionMapper
    Response refused(LightspeedError error) {
        return error.response();
    }

    /** Creates a sale (not idempotent: each call makes one), or voids the sale whose {@code id} it names. */
    @POST
    @Path("/register_sales")
    @Blocking
    public Response registerSale(byte[] body) {
        JsonNode request = object(body);
        JsonNode id = request.get("id");
        if (id != null && !id.isNull()) {
            return voidSale(id, request);
        }
        LightspeedSale sale = sales.create(createRequest(request));
        webhooks.notifyLater(sale);
        Optional<CompletableFuture<Void>> hold = held.claim(sale.request.sourceId());
        if (hold.isPresent()) {
            sales.createAnswer(sale, "held");
            try {
                hold.get().get(HeldCreates.LIMIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // released by the limit: the answer goes out
            }
            sales.createAnswer(sale, "released");
        }
        return Response.ok(Map.of("register_sale", sales.read(sale, LightspeedSale::v1))).build();
    }

    private Response voidSale(JsonNode id, JsonNode request) {
        if (!id.isTextual() || id.asText().isBlank()) {
            throw LightspeedError.badRequest("id: must be the sale's id (a string)");
        }
        JsonNode status = request.get("status");
        if (status == null || !status.isTextual() || !status.asText().equals(LightspeedSale.VOIDED)) {
            // [unknown] other updates of an existing sale are not played by the sandbox
            throw LightspeedError.badRequest("status: an existing sale (id) can only be sent with status VOIDED here");
        }
        LightspeedSale sale = sales.find(id.asText()).orElseThrow(() -> LightspeedError.notFound("id: no sale " + id.asText()));
        if (sales.voidSale(sale, behaviour.settings().voidClosed() == LightspeedBehaviour.VoidClosed.allow)) {
            webhooks.notifyLater(sale);
        }
        return Response.ok(Map.of("register_sale", sales.read(sale, LightspeedSale::v1))).build();
    }

    @POST
    @Path("/2.0/sales/{id}/fulfill")
    public Response fulfil(@RestPath String id, byte[] body) {
        JsonNode request = object(body);
        JsonNode type = request.get("fulfillment_type");
        if (type == null || type.isNull()) {
            throw LightspeedError.badRequest("fulfillment_type: is required (PICKED_UP or SHIPPED)");
        }
        if (!type.isTextual() || !Set.of(LightspeedSale.PICKED_UP, LightspeedSale.SHIPPED).contains(type.asText())) {
            throw LightspeedError.badRequest("fulfillment_type: must be PICKED_UP or SHIPPED");
        }
        LightspeedSale sale = find(id);
        LightspeedSale.Fulfillment fulfillment = sales.fulfil(sale, type.asText(), "api");
        webhooks.notifyLater(sale);
        return Response.ok(Map.of("data", fulfillment)).build();
    }

    @GET
    @Path("/2.0/sales/{id}")
    public Map<String, Object> sale(@RestPath String id) {
        return Map.of("data", sales.read(find(id), LightspeedSale::v2));
    }

    @GET
    @Path("/2.0/sales/{id}/fulfillments")
    public Map<String, Object> fulfillments(@RestPath String id) {
        return Map.of("data", sales.read(find(id), sale -> List.copyOf(sale.fulfillments)));
    }

    /** The change feed: sales changed after a version, by version; {@code version.min/max} of the page. */
    @GET
    @Path("/2.0/sales")
    public Map<String, Object> changedAfter(@RestQuery String after, @RestQuery("page_size") String pageSize) {
        long since = number(after, "after", 0, Long.MAX_VALUE, 0);
        int size = (int) number(pageSize, "page_size", 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
        List<LightspeedSale> page = sales.changedAfter(since, size);
        List<Map<String, Object>> data = page.stream().map(sale -> sales.read(sale, LightspeedSale::v2)).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("data", data);
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("min", data.isEmpty() ? null : data.get(0).get("version"));
        version.put("max", data.isEmpty() ? null : data.get(data.size() - 1).get("version"));
        answer.put("version", version);
        return answer;
    }

    private static long number(String text, String name, long min, long max, long absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw LightspeedError.badRequest(name + ": must be a whole number from " + min + " to " + max);
    }

    private LightspeedSale find(String id) {
        return sales.find(id).orElseThrow(() -> LightspeedError.notFound("no sale " + id));
    }

    /**
     * The documented fields of a click-and-collect or delivery sale: {@code register_id}, {@code user_id},
     * {@code fulfillment_outlet_id} and {@code status} (AWAITING_PICKUP or AWAITING_DISPATCH) strings, and
     * {@code register_sale_products[]} each with {@code product_id} and {@code tax_id} strings and {@code quantity},
     * {@code price} and {@code tax} numbers; optional {@code source}, {@code source_id}, {@code note},
     * {@code sale_date} strings. The first bad field is named.
     */
    private LightspeedSale.Request createRequest(JsonNode request) {
        String registerId = text(request, "register_id", "register_id", true);
        String userId = text(request, "user_id", "user_id", true);
        String status = text(request, "status", "status", true);
        if (!CREATE_STATUSES.contains(status)) {
            // [unknown] other statuses (a sale paid at the till) are not played by the sandbox
            throw LightspeedError.badRequest("status: must be AWAITING_PICKUP or AWAITING_DISPATCH, was " + status);
        }
        String outlet = text(request, "fulfillment_outlet_id", "fulfillment_outlet_id", true);
        JsonNode products = request.get("register_sale_products");
        if (products == null || products.isNull()) {
            throw LightspeedError.badRequest("register_sale_products: is required (at least one line)");
        }
        if (!products.isArray() || products.isEmpty()) {
            throw LightspeedError.badRequest("register_sale_products: must be an array of at least one line");
        }
        List<LightspeedSale.Product> lines = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            JsonNode line = products.get(i);
            String at = "register_sale_products[" + i + "].";
            if (!line.isObject()) {
                throw LightspeedError.badRequest("register_sale_products[" + i + "]: must be an object");
            }
            String productId = text(line, "product_id", at + "product_id", true);
            BigDecimal quantity = decimal(line, "quantity", at);
            if (quantity.signum() <= 0) {
                throw LightspeedError.badRequest(at + "quantity: must be more than 0");
            }
            BigDecimal price = decimal(line, "price", at);
            BigDecimal tax = decimal(line, "tax", at);
            String taxId = text(line, "tax_id", at + "tax_id", true);
            lines.add(new LightspeedSale.Product(UUID.randomUUID().toString(), productId, quantity, price, tax, taxId));
        }
        return new LightspeedSale.Request(text(request, "source", "source", false), text(request, "source_id", "source_id", false),
                registerId, userId, outlet, status, text(request, "sale_date", "sale_date", false), text(request, "note", "note", false),
                List.copyOf(lines));
    }

    private static String text(JsonNode node, String field, String name, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw LightspeedError.badRequest(name + ": is required");
            }
            return null;
        }
        if (!value.isTextual() || (required && value.asText().isBlank())) {
            throw LightspeedError.badRequest(name + ": must be " + (required ? "a non-blank string" : "a string"));
        }
        return value.asText();
    }

    private static BigDecimal decimal(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw LightspeedError.badRequest(at + field + ": is required (a number)");
        }
        if (!value.isNumber()) {
            throw LightspeedError.badRequest(at + field + ": must be a number");
        }
        return value.decimalValue();
    }

    private JsonNode object(byte[] body) {
        try {
            JsonNode node = body == null || body.length == 0 ? null : json.readTree(body);
            if (node == null || !node.isObject()) {
                throw LightspeedError.badRequest("body: must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw LightspeedError.badRequest("body: is not JSON");
        }
    }
}
