package io.fulfillmenthub.orchestrator.persistence;

import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.contracts.MessageType;
import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.orchestrator.domain.Cause;
import io.fulfillmenthub.orchestrator.domain.Outgoing;
import io.fulfillmenthub.orchestrator.domain.TimelineEntry;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one transaction changes: the orders it works on, and the timeline and outbox rows its facts
 * add, in the order the facts came, so ids follow it. {@link OrderRows#write} stores it all with one
 * statement per table.
 */
public final class UnitOfWork {

    /** {@code ce_source} of everything the orchestrator publishes. */
    public static final String SOURCE = "/orchestrator";

    private final Map<String, TrackedOrder> orders;
    private final List<Object[]> timeline = new ArrayList<>();
    private final List<Object[]> outbox = new ArrayList<>();
    private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

    UnitOfWork(Map<String, TrackedOrder> loaded) {
        this.orders = new LinkedHashMap<>(loaded);
    }

    /** The order as this transaction has it so far; null when neither stored nor placed in it. */
    public TrackedOrder order(String hubOrderId) {
        return orders.get(hubOrderId);
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
