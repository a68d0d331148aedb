package io.fulfillmenthub.orchestrator.persistence;

import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.contracts.MessageType;
import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.orchestrator.domain.Cause;
import io.fulfillmenthub.orchestrator.domain.EarlyCancellation;
import io.fulfillmenthub.orchestrator.domain.Outgoing;
import io.fulfillmenthub.orchestrator.domain.TimelineEntry;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one transaction changes: the orders it works on, and the timeline and outbox rows its facts
 * add, in the order the facts came, so ids follow it. {@link OrderRows#write} stores it all with one
 * statement per table.
 */
public final class UnitOfWork {

    /** {@code ce_source} of everything the orchestrator publishes. */
    public static final String SOURCE = "/orchestrator";

    private final Map<String, TrackedOrder> orders;
    private final Map<String, EarlyCancellation> earlyCancellations;
    private final List<EarlyCancellation> newEarlyCancellations = new ArrayList<>();
    private final List<Object[]> timeline = new ArrayList<>();
    private final List<Object[]> outbox = new ArrayList<>();
    private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

    UnitOfWork(Map<String, TrackedOrder> loaded, Map<String, EarlyCancellation> earlyCancellations) {
        this.orders = new LinkedHashMap<>(loaded);
        this.earlyCancellations = new HashMap<>(earlyCancellations);
    }

    /** The order as this transaction has it so far; null when neither stored nor placed in it. */
    public TrackedOrder order(String hubOrderId) {
        return orders.get(hubOrderId);
    }

    /** The cancellation at source kept for this order before it arrived, stored or made in this transaction; else null. */
    public @Nullable EarlyCancellation earlyCancellation(String hubOrderId) {
        return earlyCancellations.get(hubOrderId);
    }

    /** Keeps a cancellation at source for an order not stored yet; the first one kept counts. */
    public void cancelledEarly(EarlyCancellation cancellation) {
        if (earlyCancellations.putIfAbsent(cancellation.fact().hubOrderId(), cancellation) == null) {
            newEarlyCancellations.add(cancellation);
        }
    }

    /** The poller deleted the order's grace-period timer row in this transaction. */
    public void timerFired(String hubOrderId) {
        TrackedOrder tracked = orders.get(hubOrderId);
        if (tracked != null) {
            tracked.timerFired();
        }
    }

    public void placed(TrackedOrder order) {
        orders.put(order.order().hubOrderId(), order);
    }

    public void timeline(String hubOrderId, List<TimelineEntry> entries) {
        for (TimelineEntry entry : entries) {
            timeline.add(OrderRows.timelineRow(hubOrderId, entry, now));
        }
    }

    /** @return how many outbox rows the messages take */
    public int outbox(Cause cause, List<Outgoing> messages) {
        for (Outgoing outgoing : messages) {
            MessageType<?> type = MessageTypes.of(outgoing.message());
            outbox.add(new Object[] {type.topic(), outgoing.message().hubOrderId(), outgoing.messageId(cause),
                    type.ceType(), SOURCE, new String(HubJson.write(outgoing.message()), StandardCharsets.UTF_8), now});
        }
        return messages.size();
    }

    Collection<TrackedOrder> orders() {
        return orders.values();
    }

    List<EarlyCancellation> newEarlyCancellations() {
        return newEarlyCancellations;
    }

    List<Object[]> timelineRows() {
        return timeline;
    }

    List<Object[]> outboxRows() {
        return outbox;
    }

    OffsetDateTime now() {
        return now;
    }
}
