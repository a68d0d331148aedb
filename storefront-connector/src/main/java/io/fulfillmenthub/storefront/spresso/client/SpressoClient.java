package io.fulfillmenthub.storefront.spresso.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.kit.http.RetryAfter;
import io.fulfillmenthub.kit.http.VendorRetry;
import io.fulfillmenthub.kit.messaging.ConsumerConfig;
import io.fulfillmenthub.storefront.config.SpressoConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.client.api.QuarkusRestClientProperties;

/**
 * The one way the hub calls Spresso: bearer token and User-Agent on every call, retried as every vendor
 * call is ({@link VendorRetry}: 5xx, 429, Spresso's documented 409, timeouts, no connection; back-off with
 * jitter; {@code Retry-After} waited out); a 408 is a {@link SpressoUnavailableException} the consumer
 * repeats; anything else 4xx fails at once with {@link SpressoRefusedException}. When the retries are spent
 * the call fails with {@link SpressoUnavailableException}.
 */
@ApplicationScoped
public class SpressoClient {

    private static final Logger LOG = Logger.getLogger(SpressoClient.class);
    private static final int MAX_VENDOR_MESSAGE = 1000;

    private final SpressoConfig config;
    private final SpressoApi api;
    private final VendorRetry retry;

    public SpressoClient(SpressoConfig config, ConsumerConfig consumer) {
        this.config = config;
        this.api = QuarkusRestClientBuilder.newBuilder()
                // each command in flight holds at most one connection: none waits for another's
                .property(QuarkusRestClientProperties.CONNECTION_POOL_SIZE, consumer.maxInFlight())
                .baseUri(config.baseUrl())
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .userAgent(config.userAgent())
                .clientHeadersFactory((incoming, outgoing) -> bearer())
                .loggingMaskedHeaders(Set.of(HttpHeaders.AUTHORIZATION))
                .disableDefaultMapper(true)
                .build(SpressoApi.class);
        SpressoConfig.Retry retry = config.retry();
        // Spresso's read timeout bounds each attempt
        this.retry = new VendorRetry(retry.maxRetries(), retry.initialDelay(), retry.maxDelay(), retry.maxDuration(), null);
    }

    public Uni<Void> upsertShipment(String fulfillmentId, ShipmentUpsert shipment) {
        return call("PUT /v1/fulfillments/" + fulfillmentId + "/shipments", () -> api.upsertShipment(fulfillmentId, shipment));
    }

    public Uni<Void> updateFulfillment(String fulfillmentId, FulfillmentUpdate update) {
        return call("PUT /v1/fulfillments/" + fulfillmentId + " (" + update.status() + ")",
                () -> api.updateFulfillment(fulfillmentId, update));
    }

    private Uni<Void> call(String name, Supplier<Uni<Response>> request) {
        if (config.apiToken().filter(token -> !token.isBlank()).isEmpty()) {
            return Uni.createFrom().failure(new SpressoCredentialsRefused(
                    "hub.spresso.api-token is not set: cannot call Spresso " + name));
        }
        return retry.call(() -> Uni.createFrom().deferred(request::get)
                .onFailure(SpressoClient::isTransport).transform(failure -> new SpressoUnavailableException(
                        "Spresso " + name + " failed: " + describe(failure), null, failure))
                .onItem().transformToUni(response -> settle(name, response))
                .onFailure(VendorRetry::retryable).invoke(failure -> LOG.infof("a Spresso call failed, may be retried: %s",
                        failure.getMessage())))
                .onFailure(SpressoUnavailableException.class).transform(failure -> new SpressoUnavailableException(
                        "gave up retrying (at most " + config.retry().maxRetries() + " retries within "
                                + config.retry().maxDuration() + "): " + failure.getMessage(), null, failure));
    }

    private static Uni<Void> settle(String call, Response response) {
        try (response) {
            int status = response.getStatus();
            if (status >= 200 && status < 300) {
                return Uni.createFrom().voidItem();
            }
            String body = response.hasEntity() ? response.readEntity(String.class) : null;
            if (status >= 500 || status == 408 || status == 409 || status == 429) {
                return Uni.createFrom().failure(new SpressoUnavailableException(
                        "Spresso " + call + " answered " + status,
                        RetryAfter.parse(response.getHeaderString(HttpHeaders.RETRY_AFTER), Instant.now()).orElse(null),
                        new SpressoAnswer(status)));
            }
            SpressoError error = SpressoError.read(body);
            if (status == 401 || status == 403) {
                // the hub's credentials, not the command, are wrong: the command waits until they are fixed
                return Uni.createFrom().failure(new SpressoCredentialsRefused("Spresso " + call + " answered " + status
                        + ": check hub.spresso.api-token (" + error.message() + ")"));
            }
            return Uni.createFrom().failure(new SpressoRefusedException(call, status, error.code(), error.message()));
        }
    }

    private MultivaluedHashMap<String, String> bearer() {
        var headers = new MultivaluedHashMap<String, String>();
        config.apiToken().ifPresent(token -> headers.putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token));
        return headers;
    }

    private static boolean isTransport(Throwable failure) {
        return failure instanceof ProcessingException || failure instanceof IOException || failure instanceof TimeoutException;
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** Spresso's error body [unknown, assumed]: {@code {"error": "<code>", "message": "..."}}; else the raw text. */
    record SpressoError(String code, String message) {

        static SpressoError read(String body) {
            if (body == null || body.isBlank()) {
                return new SpressoError(null, null);
            }
            try {
                JsonNode json = HubJson.mapper().readTree(body);
                if (json != null && json.isObject() && json.hasNonNull("message")) {
                    return new SpressoError(json.path("error").isTextual() ? json.get("error").asText() : null,
                            json.get("message").asText());
                }
            } catch (IOException notJson) {
                // the raw text is the message
            }
            return new SpressoError(null, body.length() > MAX_VENDOR_MESSAGE ? body.substring(0, MAX_VENDOR_MESSAGE) : body);
        }
    }
}
