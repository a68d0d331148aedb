package io.fulfillmenthub.sandbox.spod;

import java.time.Instant;
import java.util.Optional;

/** The filters and page of {@code GET /orders}; both time bounds are inclusive. */
public record SpodOrderQuery(
        int limit, int offset, Instant updatedSince, Instant createdSince, Optional<SpodOrderState> state) {}
