package io.fulfillmenthub.spod.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** SPOD's order list is read whether it is a bare array or an object wrapping one (its shape is not documented). */
class SpodOrderListTest {

    private static final String ORDER = """
            {"external-order-id": "spresso:1/f-1", "state": "sent", "created": "2026-12-01T10:00:00Z",
             "updated": "2026-12-01T11:00:00+01:00", "unknown-field": {"x": 1}, "shipments": []}""";

    @Test
    void aBareArray() {
        assertThat(SpodOrderList.read("[" + ORDER + "]")).singleElement()
                .satisfies(order -> assertThat(order.externalOrderId()).isEqualTo("spresso:1/f-1"));
    }

    @Test
    void anObjectWrappingItsOrders() {
        assertThat(SpodOrderList.read("{\"count\": 1, \"links\": [], \"orders\": [" + ORDER + "]}")).hasSize(1);
    }

    @Test
    void anObjectWithOneArrayWhateverItsName() {
        assertThat(SpodOrderList.read("{\"limit\": 10, \"offset\": 0, \"data\": [" + ORDER + "]}")).hasSize(1);
        assertThat(SpodOrderList.read("{\"items\": []}")).isEmpty();
    }

    @Test
    void anObjectWhereTheOrdersCannotBeToldIsRefusedNamingItsFields() {
        assertThatThrownBy(() -> SpodOrderList.read("{\"data\": [], \"errors\": []}"))
                .hasMessageContaining("data").hasMessageContaining("errors");
        assertThatThrownBy(() -> SpodOrderList.read("{\"total\": 0}")).hasMessageContaining("total");
        assertThatThrownBy(() -> SpodOrderList.read("")).hasMessageContaining("GET /orders");
    }

    @Test
    void aShipmentsLevelOfServiceIsReadWhenItCarriesOneElseNull() {
        String shipments = """
                [{"carrier": "USPS", "tracking-number": "1", "service": "Priority Mail"},
                 {"carrier": "USPS", "tracking-number": "2", "shipping-method": "Ground Advantage"},
                 {"carrier": "USPS", "tracking-number": "3"},
                 {"carrier": "USPS", "tracking-number": "4", "service": " "}]""";
        assertThat(SpodOrderList.read("[" + ORDER.replace("\"shipments\": []", "\"shipments\": " + shipments) + "]"))
                .singleElement().satisfies(order -> assertThat(order.shipments()).extracting(SpodOrder.Shipment::service)
                        .containsExactly("Priority Mail", "Ground Advantage", null, null));
    }
}
