package io.fulfillmenthub.spod.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.spod.translate.PrintLine;
import io.fulfillmenthub.spod.translate.TrackedOrder;
import io.vertx.mutiny.sqlclient.Row;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A print order submitted to SPOD (one submission of a fulfillment, by its external id at SPOD) and what
 * has been reported about it: one row of print_order, whose
 * lines and reported shipments are JSON text ({@link #linesJson}, {@link #shipmentsJson}).
 */
record PrintOrder(String externalOrderId, String fulfillmentId, String hubOrderId, String lines, String reportedState,
        String reportedShipments) {

    /** The columns {@link #of(Row)} reads. */
    static final String COLUMNS = "external_order_id, fulfillment_id, hub_order_id, lines, reported_state, reported_shipments";

    private static final TypeReference<List<PrintLine>> LINES = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> TRACKING_NUMBERS = new TypeReference<>() {
    };

    static PrintOrder of(Row row) {
        return new PrintOrder(row.getString("external_order_id"), row.getString("fulfillment_id"), row.getString("hub_order_id"), row.getString("lines"),
                row.getString("reported_state"), row.getString("reported_shipments"));
    }

    TrackedOrder tracked() {
        return new TrackedOrder(fulfillmentId, hubOrderId, read(lines, LINES), reportedState,
                new LinkedHashSet<>(read(reportedShipments, TRACKING_NUMBERS)), externalOrderId);
    }

    /** The lines column: {@code [{lineId, stockKeepingUnit, quantity}]} in submit order. */
    static String linesJson(List<PrintLine> lines) {
        return json(lines);
    }

    /** The reported_shipments column: {@code [tracking number]}. */
    static String shipmentsJson(Collection<String> trackingNumbers) {
        return json(List.copyOf(trackingNumbers));
    }

    private static String json(Object value) {
        try {
            return HubJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return HubJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("print_order holds unreadable JSON: " + json, e);
        }
    }
}
