package io.fulfillmenthub.orchestrator.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "fulfillment_line")
public class FulfillmentLineEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "hub_order_id")
    public String hubOrderId;
    @Column(name = "fulfillment_id")
    public String fulfillmentId;
    @Column(name = "line_id")
    public String lineId;
    public String sku;
    @Column(name = "fulfiller_sku")
    public String fulfillerSku;
    public int ordered;
    public int shipped;
}
