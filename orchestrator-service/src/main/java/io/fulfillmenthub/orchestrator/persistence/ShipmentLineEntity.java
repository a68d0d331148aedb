package io.fulfillmenthub.orchestrator.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "shipment_line")
public class ShipmentLineEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "hub_order_id")
    public String hubOrderId;
    @Column(name = "shipment_id")
    public String shipmentId;
    @Column(name = "line_id")
    public String lineId;
    public int quantity;
}
