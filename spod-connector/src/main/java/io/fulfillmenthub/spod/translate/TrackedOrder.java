package io.fulfillmenthub.spod.translate;

import java.util.List;
import java.util.Set;

/**
 * A print order the hub submitted, with what has been reported about it so far.
 *
 * @param reportedState the last state reported as a fact (see {@link ReportedState})
 * @param reportedShipments the tracking numbers already reported as shipments
 */
public record TrackedOrder(
        String fulfillmentId,
        String hubOrderId,
        List<PrintLine> lines,
        String reportedState,
        Set<String> reportedShipments) {

    public TrackedOrder {
        lines = List.copyOf(lines);
        reportedShipments = Set.copyOf(reportedShipments);
    }
}
