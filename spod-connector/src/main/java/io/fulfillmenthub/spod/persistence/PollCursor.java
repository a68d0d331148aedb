package io.fulfillmenthub.spod.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Where a poller goes on from (table poll_cursor). */
@Entity
@Table(name = "poll_cursor")
public class PollCursor extends PanacheEntityBase {

    @Id
    @Column(name = "name")
    public String name;

    /** SPOD's {@code updated-since}, inclusive: the newest {@code updated} seen by a completed poll. */
    @Column(name = "updated_since", nullable = false)
    public Instant updatedSince;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
