package io.fulfillmenthub.pos.lightspeed;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.contracts.commands.CreateSale;
import io.fulfillmenthub.contracts.commands.SaleMode;
import io.fulfillmenthub.pos.lightspeed.client.LightspeedSale;

/**
 * The body of {@code POST /api/register_sales} for a {@link CreateSale}, in the shape of Lightspeed's example
 * ({@code shared/vendor-fixtures/lightspeed/register-sale-*.json}) plus {@code source}, {@code source_id} (the hub
 * fulfillment id, for reconciliation) and {@code note} when there is one.
 */
public final class LightspeedSaleRequests {

    public static final String SOURCE = "fulfillment-hub";

    private LightspeedSaleRequests() {
    }

    public static ObjectNode of(CreateSale command) {
        ObjectNode sale = HubJson.mapper().createObjectNode();
        sale.put("register_id", command.registerId());
        sale.put("user_id", command.userId());
        sale.put("fulfillment_outlet_id", command.outletId());
        sale.put("status", awaiting(command.mode()));
        sale.put("source", SOURCE);
        sale.put("source_id", command.fulfillmentId());
        if (command.note() != null && !command.note().isBlank()) {
            sale.put("note", command.note());
        }
        ArrayNode products = sale.putArray("register_sale_products");
        for (CreateSale.Line line : command.lines()) {
            products.addObject()
                    .put("product_id", line.productId())
                    .put("quantity", line.quantity())
                    .put("price", line.price())
                    .put("tax", line.tax())
                    .put("tax_id", line.taxId());
        }
        return sale;
    }

    /**
     * A sale read from API 2.0 (the change feed) in the API 1.0 shape a void posts back: its fields as read, and its
     * {@code line_items} as {@code register_sale_products} when it has no such field ([unknown]: the 2.0 line shape).
     */
    public static ObjectNode asRegisterSale(ObjectNode sale20) {
        ObjectNode sale = sale20.deepCopy();
        if (!sale.has("register_sale_products") && sale.has("line_items")) {
            sale.set("register_sale_products", sale.get("line_items"));
            sale.remove("line_items");
        }
        return sale;
    }

    public static String awaiting(SaleMode mode) {
        return mode == SaleMode.PICKUP ? LightspeedSale.AWAITING_PICKUP : LightspeedSale.AWAITING_DISPATCH;
    }

    /** The sale's status once handed over in this mode. */
    public static String closed(SaleMode mode) {
        return mode == SaleMode.PICKUP ? LightspeedSale.PICKED_UP_CLOSED : LightspeedSale.DISPATCHED_CLOSED;
    }

    /** The {@code fulfillment_type} that hands it over in this mode. */
    public static String fulfillmentType(SaleMode mode) {
        return mode == SaleMode.PICKUP ? "PICKED_UP" : "SHIPPED";
    }
}
