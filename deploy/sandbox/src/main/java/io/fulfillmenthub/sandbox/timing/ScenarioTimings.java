package io.fulfillmenthub.sandbox.timing;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * When each step of an order's journey reached the simulated vendors, by the sandbox's one clock,
 * so that a benchmark can measure the hub between two vendor events without comparing clocks of
 * different processes. Only the first time of each (mark, id) counts: a repeat is not a new arrival.
 */
@ApplicationScoped
public class ScenarioTimings {

    /** A moment in the journey and what its id is. */
    public enum Mark {
        /** The hub answered 2xx to the first delivery of an order's {@code order_fulfillable}; id: Spresso order id. */
        WEBHOOK_ACCEPTED("webhook-accepted"),
        /** SPOD accepted {@code POST /orders}; id: external-order-id. */
        SPOD_ORDER_RECEIVED("spod-order-received"),
        /** The control API moved a SPOD order to {@code sent}; id: external-order-id. */
        SPOD_ORDER_SENT("spod-order-sent"),
        /** Spresso's API took status {@code in_transit} for a fulfillment; id: Spresso fulfillment id. */
        SPRESSO_IN_TRANSIT("spresso-in-transit");

        private final String wire;

        Mark(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    private final Map<Mark, ConcurrentMap<String, Long>> marks = new EnumMap<>(Mark.class);
    private final Clock clock;

    public ScenarioTimings(Clock clock) {
        this.clock = clock;
        for (Mark mark : Mark.values()) {
            marks.put(mark, new ConcurrentHashMap<>());
        }
    }

    /** Records now, in microseconds since the epoch, unless this (mark, id) was recorded already. */
    public void record(Mark mark, String id) {
        Instant now = clock.instant();
        marks.get(mark).putIfAbsent(id, ChronoUnit.MICROS.between(Instant.EPOCH, now));
    }

    /** The recorded times of one mark: id to microseconds since the epoch. */
    public Map<String, Long> of(Mark mark) {
        return Map.copyOf(marks.get(mark));
    }

    public void clear() {
        marks.values().forEach(Map::clear);
    }
}
