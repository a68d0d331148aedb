package io.fulfillmenthub.spod.translate;

import java.util.List;
import java.util.Set;

/**
 * A print order the hub submitted, with what has been reported about it so far.
 *
 * @param reportedState the last state reported as a fact (see {@link ReportedState})
 * @param reportedShipments the tracking numbers already reported as shipments
 * @param externalOrderId the print order's external id at SPOD: the fulfillment id for its first
 *     submission, {@code <fulfillment id>-r<n>} for a resubmission
 */
public record TrackedOrder(
        String fulfillmentId,
        String hubOrderId,
        List<PrintLine> lines,
        String reportedState,
        Set<String> reportedShipments,
        String externalOrderId) {

    /** The fulfillment's first submission, whose external id at SPOD is the fulfillment id. */
    public TrackedOrder(String fulfillmentId, String hubOrderId, List<PrintLine> lines, String reportedState,
            Set<String> reportedShipments) {
        this(fulfillmentId, hubOrderId, lines, reportedState, reportedShipments, fulfillmentId);
    }

    public TrackedOrder {
        lines = List.copyOf(lines);
        reportedShipments = Set.copyOf(reportedShipments);
    }

    /** The facts' {@code externalOrderId}: null for the first submission, the external id of a resubmission. */
    public String resubmission() {
        return externalOrderId.equals(fulfillmentId) ? null : externalOrderId;
    }
}
