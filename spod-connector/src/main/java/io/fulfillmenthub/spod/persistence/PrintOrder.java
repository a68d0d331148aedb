package io.fulfillmenthub.spod.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.spod.translate.PrintLine;
import io.fulfillmenthub.spod.translate.ReportedState;
import io.fulfillmenthub.spod.translate.TrackedOrder;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A print order submitted to SPOD and what has been reported about it (table print_order). */
@Entity
@Table(name = "print_order")
public class PrintOrder extends PanacheEntityBase {

    private static final TypeReference<List<PrintLine>> LINES = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> TRACKING_NUMBERS = new TypeReference<>() {
    };

    @Id
    @Column(name = "fulfillment_id")
    public String fulfillmentId;

    @Column(name = "hub_order_id", nullable = false)
    public String hubOrderId;

    @Column(name = "lines", nullable = false)
    public String lines;

    @Column(name = "reported_state", nullable = false)
    public String reportedState;

    @Column(name = "reported_shipments", nullable = false)
    public String reportedShipments;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    static PrintOrder submitted(String fulfillmentId, String hubOrderId, List<PrintLine> lines, String state, Instant now) {
        PrintOrder order = new PrintOrder();
        order.fulfillmentId = fulfillmentId;
        order.hubOrderId = hubOrderId;
        order.lines = json(lines);
        order.reportedState = state;
        order.reportedShipments = json(List.of());
        order.createdAt = now;
        order.updatedAt = now;
        return order;
    }

    void resubmitted(List<PrintLine> newLines, Instant now) {
        lines = json(newLines);
        reportedState = ReportedState.SUBMITTED;
        reportedShipments = json(List.of());
        updatedAt = now;
    }

    TrackedOrder tracked() {
        return new TrackedOrder(fulfillmentId, hubOrderId, read(lines, LINES), reportedState,
                new LinkedHashSet<>(read(reportedShipments, TRACKING_NUMBERS)));
    }

    void reported(String state, Set<String> shipments, Instant now) {
        reportedState = state;
        reportedShipments = json(List.copyOf(shipments));
        updatedAt = now;
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
