package io.fulfillmenthub.orchestrator.api;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The request bodies of the operations API as its OpenAPI document shows them. The resources read the JSON
 * themselves ({@link RequestBody}), so that a bad field is answered 400 naming it; these records only describe it.
 */
final class RequestSchemas {

    private RequestSchemas() {
    }

    @Schema(name = "ShipmentDeliveredRequest", description = "Optional; no body: delivered now")
    record Delivered(@Schema(description = "ISO-8601 instant; default now", example = "2026-12-03T10:15:30Z")
            Instant deliveredAt) {
    }

    @Schema(name = "HeldParcelAssignment")
    record Assignment(@Schema(required = true, description = "the lines the parcel holds, each once") List<Line> lines) {

        @Schema(name = "HeldParcelLine")
        record Line(@Schema(required = true, example = "var-2") String lineId,
                @Schema(required = true, minimum = "1", example = "3") int quantity) {
        }
    }

    @Schema(name = "HandoverRequest", description = "Optional; no body: the sale's own mode")
    record Handover(@Schema(enumeration = {"pickup", "delivery"}, description = "checked against the sale's mode")
            String mode) {
    }

    @Schema(name = "ReplaySelection", description = "Either order, or group and type")
    record Replay(@Schema(example = "spresso:6114", description = "this order's dead letters not replayed yet") String order,
            @Schema(example = "spod-connector", description = "with type: all of one consumer group's of one type") String group,
            @Schema(example = "hub.command.submit-print-order.v1") String type) {
    }

    @Schema(name = "ReplayedDeadLetters")
    record Replayed(List<DeadLetterView> replayed) {
    }
}
