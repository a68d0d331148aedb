package io.fulfillmenthub.orchestrator.deadletter;

import org.jspecify.annotations.Nullable;

/** The dead letters a replay takes: one order's, or all of one consumer group's of one type. */
public record ReplaySelection(@Nullable String order, @Nullable String group, @Nullable String type) {

    public static ReplaySelection ofOrder(String order) {
        return new ReplaySelection(order, null, null);
    }

    public static ReplaySelection ofKind(String group, String type) {
        return new ReplaySelection(null, group, type);
    }
}
