package io.fulfillmenthub.orchestrator.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "shipment")
public class ShipmentEntity extends PanacheEntityBase {

    @Id
    @Column(name = "shipment_id")
    public String shipmentId;
    @Column(name = "hub_order_id")
    public String hubOrderId;
    @Column(name = "fulfillment_id")
    public String fulfillmentId;
    public String carrier;
    @Column(name = "tracking_number")
    public String trackingNumber;
    @Column(name = "tracking_url")
    public String trackingUrl;
    @Column(name = "dispatched_at")
    public Instant dispatchedAt;
    @Column(name = "created_at")
    public Instant createdAt;
}
