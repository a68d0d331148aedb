package io.fulfillmenthub.pos.lightspeed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.fulfillmenthub.contracts.HubJson;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lightspeed X-Series behind WireMock, stateful as VENDOR-FACTS.md and the agreements describe it: rotating
 * single-use refresh tokens, bearer checks, register sales (not idempotent; void with id and {@code VOIDED}, refused
 * with 422 once handed over), fulfil, the fulfillments listing, the change feed by version, rate-limit headers and
 * 429s with an HTTP-date {@code Retry-After}. Faults a test switches on: a create whose answer is lost after the
 * sale was made, and 429s.
 */
public class LightspeedDouble implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "lightspeed-double";
    public static final String CLIENT_ID = "test-client";
    public static final String CLIENT_SECRET = "test-secret";
    public static final String FIRST_REFRESH_TOKEN = "first-refresh-token";
    /** A product the store does not have: a create naming it is refused with 400. */
    public static final String UNKNOWN_PRODUCT = "no-such-product";

    private static final Pattern SALE = Pattern.compile("/lightspeed/api/2\\.0/sales/([^/?]+)(/fulfillments|/fulfill)?");

    /** A sale as the double keeps it. */
    public static final class Sale {
        public final String id;
        public final ObjectNode body;
        public volatile String status;
        public volatile long version;
        public final List<String> fulfillments = new ArrayList<>();

        Sale(String id, ObjectNode body, String status, long version) {
            this.id = id;
            this.body = body;
            this.status = status;
            this.version = version;
        }

        public String sourceId() {
            return body.hasNonNull("source_id") ? body.get("source_id").asText() : null;
        }
    }

    private final Map<String, Sale> sales = new ConcurrentHashMap<>();
    private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    private final AtomicLong versions = new AtomicLong(100);
    private final AtomicInteger refreshes = new AtomicInteger();
    private final AtomicInteger refusedRefreshTokens = new AtomicInteger();
    private final AtomicInteger lostCreateAnswers = new AtomicInteger();
    private final AtomicInteger tooManyRequests = new AtomicInteger();
    private volatile Instant retryAfter = Instant.EPOCH;
    private volatile int remaining = 600;
    private final Set<String> garbledSales = ConcurrentHashMap.newKeySet();

    public LightspeedDouble() {
        refreshTokens.add(FIRST_REFRESH_TOKEN);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    public int refreshes() {
        return refreshes.get();
    }

    public int refusedRefreshTokens() {
        return refusedRefreshTokens.get();
    }

    /** A refresh token the double accepts once, as if issued by an earlier refresh. */
    public String issueRefreshToken() {
        String token = "refresh-" + UUID.randomUUID();
        refreshTokens.add(token);
        return token;
    }

    /** Every access token issued so far stops working (401), as when they expire. */
    public void expireAccessTokens() {
        accessTokens.clear();
    }

    /** The next {@code count} creates make the sale but their answers are lost (the connection resets). */
    public void loseCreateAnswers(int count) {
        lostCreateAnswers.set(count);
    }

    /** The next {@code count} API calls answer 429 with {@code Retry-After: <until as an HTTP date>}. */
    public void refuse(int count, Instant until) {
        retryAfter = until;
        tooManyRequests.set(count);
    }

    /**
     * Reads of this sale answer 200 with a body that is not the sale (an HTML page, as a proxy in front of
     * Lightspeed might send), until {@link #answerReadsOf} is called.
     */
    public void garbleReadsOf(String saleId) {
        garbledSales.add(saleId);
    }

    public void answerReadsOf(String saleId) {
        garbledSales.remove(saleId);
    }

    public void remaining(int remaining) {
        this.remaining = remaining;
    }

    public List<Sale> salesWithSourceId(String sourceId) {
        return sales.values().stream().filter(sale -> sourceId.equals(sale.sourceId())).toList();
    }

    public Sale sale(String id) {
        return sales.get(id);
    }

    /** A sale made as {@code POST /api/register_sales} makes it (used to play a sale made before a crash). */
    public Sale makeSale(ObjectNode body) {
        ObjectNode stored = body.deepCopy();
        String id = UUID.randomUUID().toString();
        stored.put("id", id);
        ArrayNode products = (ArrayNode) stored.get("register_sale_products");
        if (products != null) {
            products.forEach(product -> ((ObjectNode) product).put("id", UUID.randomUUID().toString()));
        }
        Sale sale = new Sale(id, stored, stored.get("status").asText(), versions.incrementAndGet());
        sales.put(id, sale);
        return sale;
    }

    /** Staff hand the sale over at the till: picked up or dispatched by its status. */
    public synchronized void handOverAtTill(String saleId) {
        Sale sale = sales.get(saleId);
        boolean pickup = "AWAITING_PICKUP".equals(sale.status);
        sale.fulfillments.add(pickup ? "PICKED_UP" : "SHIPPED");
        sale.status = pickup ? "PICKED_UP_CLOSED" : "DISPATCHED_CLOSED";
        sale.version = versions.incrementAndGet();
    }

    /** Staff void the sale at the till. */
    public synchronized void voidAtTill(String saleId) {
        Sale sale = sales.get(saleId);
        sale.status = "VOIDED";
        sale.version = versions.incrementAndGet();
    }

    /** The sale in the API 1.0 shape, as a webhook's payload holds it. */
    public String payload(String saleId) {
        return sale10(sales.get(saleId)).toString();
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        String path = request.getUrl().split("\\?")[0];
        String method = request.getMethod().getName();
        if (path.equals("/lightspeed/api/1.0/token") && method.equals("POST")) {
            return token(request);
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ") || !accessTokens.contains(authorization.substring(7))) {
            return error(401, "invalid_token", "no valid bearer token");
        }
        if (tooManyRequests.get() > 0) {
            tooManyRequests.decrementAndGet();
            return ResponseDefinitionBuilder.responseDefinition().withStatus(429)
                    .withHeaders(new HttpHeaders(new HttpHeader("Content-Type", "application/json"),
                            new HttpHeader("Retry-After", httpDate(retryAfter))))
                    .withBody("{\"error\": \"Too Many Requests\", \"message\": \"rate limit exceeded\"}").build();
        }
        if (path.equals("/lightspeed/api/register_sales") && method.equals("POST")) {
            return registerSale(request);
        }
        if (path.equals("/lightspeed/api/2.0/sales") && method.equals("GET")) {
            return feed(request);
        }
        Matcher matcher = SALE.matcher(path);
        if (matcher.matches()) {
            Sale sale = sales.get(matcher.group(1));
            if (sale == null) {
                return error(404, "Not Found", "no sale " + matcher.group(1));
            }
            if (matcher.group(2) == null && method.equals("GET") && garbledSales.contains(sale.id)) {
                return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                        .withHeader("Content-Type", "text/html").withBody("<html><body>Maintenance</body></html>").build();
            }
            if (matcher.group(2) == null && method.equals("GET")) {
                return ok(HubJson.mapper().createObjectNode().set("data", sale20(sale)));
            }
            if ("/fulfillments".equals(matcher.group(2)) && method.equals("GET")) {
                ArrayNode data = HubJson.mapper().createArrayNode();
                sale.fulfillments.forEach(type -> data.addObject().put("id", UUID.randomUUID().toString()).put("sale_id", sale.id)
                        .put("fulfillment_type", type).put("status", "COMPLETED"));
                return ok(HubJson.mapper().createObjectNode().set("data", data));
            }
            if ("/fulfill".equals(matcher.group(2)) && method.equals("POST")) {
                String type = json(request.getBodyAsString()).path("fulfillment_type").asText();
                boolean fits = "PICKED_UP".equals(type) && "AWAITING_PICKUP".equals(sale.status)
                        || "SHIPPED".equals(type) && "AWAITING_DISPATCH".equals(sale.status);
                if (!fits) {
                    return error(422, "Unprocessable Entity", "cannot fulfil a sale that is " + sale.status + " with " + type);
                }
                handOverAtTill(sale.id);
                return ok(HubJson.mapper().createObjectNode().set("data", HubJson.mapper().createObjectNode()
                        .put("id", UUID.randomUUID().toString()).put("sale_id", sale.id).put("fulfillment_type", type)));
            }
        }
        return error(404, "Not Found", path);
    }

    private ResponseDefinition token(Request request) {
        Map<String, String> form = form(request.getBodyAsString());
        if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            return error(401, "invalid_client", "unknown client");
        }
        if (!"refresh_token".equals(form.get("grant_type")) || !refreshTokens.remove(form.get("refresh_token"))) {
            refusedRefreshTokens.incrementAndGet();
            return error(400, "invalid_grant", "the refresh token is invalid or was used");
        }
        refreshes.incrementAndGet();
        String access = "access-" + UUID.randomUUID();
        String refresh = issueRefreshToken();
        accessTokens.add(access);
        Instant expires = Instant.now().plusSeconds(86400);
        return ok(HubJson.mapper().createObjectNode().put("access_token", access).put("token_type", "Bearer")
                .put("expires", expires.getEpochSecond()).put("expires_in", 86400).put("refresh_token", refresh)
                .put("domain_prefix", "hubtest"));
    }

    private ResponseDefinition registerSale(Request request) {
        ObjectNode body = (ObjectNode) json(request.getBodyAsString());
        if (body.hasNonNull("id")) {
            Sale sale = sales.get(body.get("id").asText());
            if (sale == null) {
                return error(404, "Not Found", "no sale " + body.get("id").asText());
            }
            if ("VOIDED".equals(body.path("status").asText())) {
                if ("PICKED_UP_CLOSED".equals(sale.status) || "DISPATCHED_CLOSED".equals(sale.status)) {
                    return error(422, "Unprocessable Entity", "a sale that is " + sale.status + " cannot be voided");
                }
                voidAtTill(sale.id);
            }
            return ok(HubJson.mapper().createObjectNode().set("register_sale", sale10(sale)));
        }
        for (String field : List.of("register_id", "user_id", "status", "register_sale_products")) {
            if (!body.hasNonNull(field)) {
                return error(400, "Bad Request", field + " is required");
            }
        }
        for (JsonNode product : body.get("register_sale_products")) {
            if (UNKNOWN_PRODUCT.equals(product.path("product_id").asText())) {
                return error(400, "Bad Request", "register_sale_products[].product_id " + UNKNOWN_PRODUCT + " does not exist");
            }
        }
        Sale sale = makeSale(body);
        if (lostCreateAnswers.get() > 0) {
            lostCreateAnswers.decrementAndGet();
            return ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }
        return ok(HubJson.mapper().createObjectNode().set("register_sale", sale10(sale)));
    }

    private ResponseDefinition feed(Request request) {
        Map<String, String> query = form(request.getUrl().contains("?") ? request.getUrl().substring(request.getUrl().indexOf('?') + 1) : "");
        long after = Long.parseLong(query.getOrDefault("after", "0"));
        int pageSize = Integer.parseInt(query.getOrDefault("page_size", "100"));
        List<Sale> page = sales.values().stream().filter(sale -> sale.version > after)
                .sorted(Comparator.comparingLong(sale -> sale.version)).limit(pageSize).toList();
        ArrayNode data = HubJson.mapper().createArrayNode();
        page.forEach(sale -> data.add(sale20(sale)));
        ObjectNode answer = HubJson.mapper().createObjectNode();
        answer.set("data", data);
        answer.putObject("version").put("min", page.isEmpty() ? after : page.get(0).version)
                .put("max", page.isEmpty() ? after : page.get(page.size() - 1).version);
        return ok(answer);
    }

    private static ObjectNode sale10(Sale sale) {
        ObjectNode body = sale.body.deepCopy();
        body.put("status", sale.status);
        body.put("version", sale.version);
        body.put("sale_date", "2026-12-04 12:00:00");
        return body;
    }

    private static ObjectNode sale20(Sale sale) {
        ObjectNode data = HubJson.mapper().createObjectNode();
        data.put("id", sale.id);
        data.put("source", sale.body.path("source").asText(null));
        data.put("source_id", sale.sourceId());
        data.put("status", sale.status);
        data.put("version", sale.version);
        data.put("outlet_id", sale.body.path("fulfillment_outlet_id").asText(null));
        data.put("register_id", sale.body.path("register_id").asText(null));
        data.put("user_id", sale.body.path("user_id").asText(null));
        data.set("line_items", sale.body.path("register_sale_products").deepCopy());
        return data;
    }

    private ResponseDefinition ok(JsonNode body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200).withHeaders(headers()).withBody(body.toString()).build();
    }

    private ResponseDefinition error(int status, String error, String message) {
        ObjectNode body = HubJson.mapper().createObjectNode().put("error", error).put("message", message);
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status).withHeaders(headers()).withBody(body.toString()).build();
    }

    private HttpHeaders headers() {
        return new HttpHeaders(new HttpHeader("Content-Type", "application/json"), new HttpHeader("X-RateLimit-Limit", "650"),
                new HttpHeader("X-RateLimit-Remaining", String.valueOf(remaining)),
                new HttpHeader("X-RateLimit-Reset", httpDate(Instant.now().plusSeconds(300))));
    }

    static String httpDate(Instant at) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));
    }

    private static JsonNode json(String text) {
        try {
            return HubJson.mapper().readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
