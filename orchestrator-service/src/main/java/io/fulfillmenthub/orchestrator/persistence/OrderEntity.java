package io.fulfillmenthub.orchestrator.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "orders")
public class OrderEntity extends PanacheEntityBase {

    @Id
    @Column(name = "hub_order_id")
    public String hubOrderId;
    public String storefront;
    @Column(name = "source_order_id")
    public String sourceOrderId;
    @Column(name = "order_number")
    public String orderNumber;
    public String currency;
    @Column(name = "customer_email")
    public String customerEmail;
    @Column(name = "shipping_address")
    public String shippingAddress;
    @Column(name = "placed_at")
    public Instant placedAt;
    public String status;
    @Column(name = "cancelled_at_source")
    public boolean cancelledAtSource;
    @Column(name = "hold_reason")
    public String holdReason;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
