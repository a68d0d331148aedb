package io.fulfillmenthub.contracts.facts;

import static io.fulfillmenthub.contracts.Fields.required;
import static io.fulfillmenthub.contracts.Fields.requiredText;

import io.fulfillmenthub.contracts.Fact;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A connector gave up on a command: the vendor refused it permanently (a 4xx other than 408/409/429,
 * or {@code retryable: false}) or it was malformed. The operations API shows it; nothing retries it
 * on its own.
 *
 * @param commandId the {@code ce_id} of the command
 * @param commandType the {@code ce_type} of the command
 * @param connector the connector that gave up, e.g. {@code storefront-connector}
 */
public record CommandFailed(
        String hubOrderId,
        String commandId,
        String commandType,
        String connector,
        String reason,
        @Nullable String vendorMessage,
        @Nullable String vendorTraceId,
        Instant failedAt) implements Fact {

    public CommandFailed {
        requiredText(hubOrderId, "hubOrderId");
        requiredText(commandId, "commandId");
        requiredText(commandType, "commandType");
        requiredText(connector, "connector");
        requiredText(reason, "reason");
        required(failedAt, "failedAt");
    }
}
