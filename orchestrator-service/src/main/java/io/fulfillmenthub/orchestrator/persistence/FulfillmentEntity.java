package io.fulfillmenthub.orchestrator.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "fulfillment")
public class FulfillmentEntity extends PanacheEntityBase {

    @Id
    @Column(name = "fulfillment_id")
    public String fulfillmentId;
    @Column(name = "hub_order_id")
    public String hubOrderId;
    @Column(name = "source_fulfillment_id")
    public String sourceFulfillmentId;
    public String fulfiller;
    public String status;
    @Column(name = "status_before_cancellation")
    public String statusBeforeCancellation;
    @Column(name = "vendor_reference")
    public String vendorReference;
    @Column(name = "hold_reason")
    public String holdReason;
    @Column(name = "rejection_reason")
    public String rejectionReason;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
