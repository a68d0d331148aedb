package io.fulfillmenthub.spod;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * SPOD's {@code GET /orders} as a test double behind WireMock: orders kept in memory, each change stamped
 * with a strictly later {@code updated}, listed from {@code updated-since} (inclusive) by {@code offset} and
 * {@code limit}, in the sort order and shape a test chooses (SPOD documents neither). A hook runs after a
 * chosen page is served, so a test can change an order while a poll pages.
 */
public class SpodOrderListDouble implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "spod-order-list";

    public enum Shape { ARRAY, WRAPPED_AS_ORDERS, WRAPPED_AS_DATA }

    public enum Order { UPDATED, CREATED, NEWEST_FIRST }

    private record Listed(String id, String state, Instant created, Instant updated, JsonNode shipments) {
    }

    private final Map<String, Listed> orders = new ConcurrentHashMap<>();
    private volatile Shape shape = Shape.ARRAY;
    private volatile Order order = Order.UPDATED;
    private volatile Instant lastStamp = Instant.EPOCH;
    private volatile int pagesServed;
    private volatile int hookAfterPage = -1;
    private volatile Consumer<List<String>> hook;

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    /** Forgets every order and hook; the list answers as chosen. */
    public synchronized void reset(Shape shape, Order order) {
        orders.clear();
        this.shape = shape;
        this.order = order;
        pagesServed = 0;
        hook = null;
        hookAfterPage = -1;
    }

    /**
     * Runs {@code change} once, right after the {@code page}-th page (1 = the first) from now is served, with
     * the ids on that page.
     */
    public synchronized void afterPage(int page, Consumer<List<String>> change) {
        hookAfterPage = pagesServed + page;
        hook = change;
    }

    /** A new order, {@code acknowledged}. */
    public synchronized void submit(String id) {
        Instant now = stamp();
        orders.put(id, new Listed(id, "acknowledged", now, now, JsonNodeFactory.instance.arrayNode()));
    }

    public synchronized String state(String id) {
        return orders.get(id).state();
    }

    /** The order moves to {@code state}, with these shipments (JSON array), at a new {@code updated}. */
    public synchronized void change(String id, String state, String shipments) {
        Listed before = orders.get(id);
        orders.put(id, new Listed(id, state, before.created(), stamp(), SpodConnectorTestSupport.json(shipments)));
    }

    public synchronized Instant lastStamp() {
        return lastStamp;
    }

    private Instant stamp() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        lastStamp = now.isAfter(lastStamp) ? now : lastStamp.plusMillis(1);
        return lastStamp;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        Instant since = OffsetDateTime.parse(request.queryParameter("updated-since").firstValue()).toInstant();
        int limit = Integer.parseInt(request.queryParameter("limit").firstValue());
        int offset = Integer.parseInt(request.queryParameter("offset").firstValue());
        ArrayNode page = JsonNodeFactory.instance.arrayNode();
        Consumer<List<String>> after = null;
        List<String> served = new ArrayList<>();
        synchronized (this) {
            Comparator<Listed> sort = switch (order) {
                case UPDATED -> Comparator.comparing(Listed::updated).thenComparing(Listed::id);
                case CREATED -> Comparator.comparing(Listed::created).thenComparing(Listed::id);
                case NEWEST_FIRST -> Comparator.comparing(Listed::updated).reversed().thenComparing(Listed::id);
            };
            List<Listed> window = new ArrayList<>(orders.values().stream()
                    .filter(listed -> !listed.updated().isBefore(since)).sorted(sort).toList());
            window.stream().skip(offset).limit(limit).forEach(listed -> {
                page.add(json(listed));
                served.add(listed.id());
            });
            pagesServed++;
            if (pagesServed == hookAfterPage) {
                after = hook;
                hook = null;
            }
        }
        if (after != null) {
            after.accept(served);
        }
        JsonNode body = switch (shape) {
            case ARRAY -> page;
            case WRAPPED_AS_ORDERS -> JsonNodeFactory.instance.objectNode().put("count", page.size()).set("orders", page);
            case WRAPPED_AS_DATA -> JsonNodeFactory.instance.objectNode().put("limit", limit).put("offset", offset)
                    .set("data", page);
        };
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body.toString()).build();
    }

    private static ObjectNode json(Listed listed) {
        ObjectNode order = JsonNodeFactory.instance.objectNode();
        order.put("external-order-id", listed.id());
        order.put("state", listed.state());
        order.put("created", listed.created().toString());
        order.put("updated", listed.updated().toString());
        order.putArray("items");
        order.putObject("shipping");
        order.set("shipments", listed.shipments());
        return order;
    }
}
