package io.fulfillmenthub.orchestrator.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "order_line")
public class OrderLineEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "hub_order_id")
    public String hubOrderId;
    @Column(name = "line_id")
    public String lineId;
    @Column(name = "variant_id")
    public String variantId;
    public String sku;
    public String name;
    public int quantity;
    @Column(name = "unit_price")
    public BigDecimal unitPrice;
}
