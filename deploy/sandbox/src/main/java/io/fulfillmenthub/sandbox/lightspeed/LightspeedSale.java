package io.fulfillmenthub.sandbox.lightspeed;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One sale of the simulated store: its fields, its fulfillments, what changed it, and the webhooks that told the hub. */
final class LightspeedSale {

    static final String AWAITING_PICKUP = "AWAITING_PICKUP";
    static final String AWAITING_DISPATCH = "AWAITING_DISPATCH";
    static final String PICKED_UP_CLOSED = "PICKED_UP_CLOSED";
    static final String DISPATCHED_CLOSED = "DISPATCHED_CLOSED";
    static final String VOIDED = "VOIDED";
    static final String PICKED_UP = "PICKED_UP";
    static final String SHIPPED = "SHIPPED";

    /** One line, as posted. */
    record Product(String id, String productId, BigDecimal quantity, BigDecimal price, BigDecimal tax, String taxId) {}

    /** What a register_sales create carries, validated. */
    record Request(String source, String sourceId, String registerId, String userId, String fulfillmentOutletId,
            String status, String saleDate, String note, List<Product> products) {}

    /** One change: {@code created}, {@code voided}, {@code fulfilled}; by {@code api} or {@code till}. */
    record Change(String action, String by, String at, String detail) {}

    /** One fulfillment, as the 2.0 API lists it. */
    record Fulfillment(String id, @JsonProperty("sale_id") String saleId, @JsonProperty("fulfillment_type") String fulfillmentType,
            String status, @JsonProperty("created_at") String createdAt) {}

    /** One webhook for one change: the status and version it told, and each delivery. */
    record Webhook(String status, long version, List<Delivery> deliveries) {}

    record Delivery(int attempt, Integer answered, String error, String fault) {}

    final String id = UUID.randomUUID().toString();
    final Request request;
    final String createdAt;
    String status;
    long version;
    String createAnswer = "answered";
    final List<Fulfillment> fulfillments = new ArrayList<>();
    final List<Change> changes = new ArrayList<>();
    final List<Webhook> webhooks = new ArrayList<>();

    LightspeedSale(Request request, Instant now, long version) {
        this.request = request;
        this.createdAt = now.toString();
        this.status = request.status();
        this.version = version;
        changes.add(new Change("created", "api", createdAt, request.status()));
    }

    boolean open() {
        return status.equals(AWAITING_PICKUP) || status.equals(AWAITING_DISPATCH);
    }

    boolean handedOver() {
        return status.equals(PICKED_UP_CLOSED) || status.equals(DISPATCHED_CLOSED);
    }

    /** The API 1.0 shape, as register_sales answers and the webhook's payload carries it. */
    Map<String, Object> v1() {
        Map<String, Object> sale = new LinkedHashMap<>();
        sale.put("id", id);
        sale.put("source", request.source());
        sale.put("source_id", request.sourceId());
        sale.put("register_id", request.registerId());
        sale.put("user_id", request.userId());
        sale.put("fulfillment_outlet_id", request.fulfillmentOutletId());
        sale.put("status", status);
        sale.put("sale_date", request.saleDate() == null ? createdAt : request.saleDate());
        sale.put("note", request.note() == null ? "" : request.note());
        sale.put("register_sale_products", request.products().stream().map(LightspeedSale::line).toList());
        sale.put("version", version);
        sale.put("totals", totals());
        return sale;
    }

    /** The API 2.0 shape of {@code GET /api/2.0/sales/{id}} and the change feed. */
    Map<String, Object> v2() {
        Map<String, Object> sale = new LinkedHashMap<>();
        sale.put("id", id);
        // [unknown] the sandbox keeps no register → outlet table: the register's outlet is taken as the fulfillment outlet
        sale.put("outlet_id", request.fulfillmentOutletId());
        sale.put("register_id", request.registerId());
        sale.put("user_id", request.userId());
        sale.put("fulfillment_outlet_id", request.fulfillmentOutletId());
        sale.put("source", request.source());
        sale.put("source_id", request.sourceId());
        sale.put("status", status);
        sale.put("state", open() ? "pending" : "closed");
        sale.put("sale_date", request.saleDate() == null ? createdAt : request.saleDate());
        sale.put("created_at", createdAt);
        sale.put("note", request.note() == null ? "" : request.note());
        sale.put("line_items", request.products().stream().map(LightspeedSale::line).toList());
        Map<String, Object> totals = totals();
        sale.put("total_price", totals.get("total_price"));
        sale.put("total_tax", totals.get("total_tax"));
        sale.put("version", version);
        return sale;
    }

    private Map<String, Object> totals() {
        BigDecimal price = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        for (Product product : request.products()) {
            price = price.add(product.price().multiply(product.quantity()));
            tax = tax.add(product.tax().multiply(product.quantity()));
        }
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("total_price", price);
        totals.put("total_tax", tax);
        totals.put("total_payment", BigDecimal.ZERO);
        totals.put("total_to_pay", price.add(tax));
        return totals;
    }

    private static Map<String, Object> line(Product product) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", product.id());
        line.put("product_id", product.productId());
        line.put("quantity", product.quantity());
        line.put("price", product.price());
        line.put("tax", product.tax());
        line.put("tax_id", product.taxId());
        return line;
    }

    /** What the control API shows. */
    Map<String, Object> detail() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("sale", v1());
        detail.put("version", version);
        detail.put("fulfillments", List.copyOf(fulfillments));
        detail.put("changes", List.copyOf(changes));
        detail.put("createAnswer", createAnswer);
        detail.put("webhooks", webhooks.stream().map(w -> new Webhook(w.status(), w.version(), List.copyOf(w.deliveries()))).toList());
        return detail;
    }
}
