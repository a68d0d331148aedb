package io.fulfillmenthub.storefront.squarespace.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.kit.http.RetryAfter;
import io.fulfillmenthub.kit.http.VendorAnswer;
import io.fulfillmenthub.kit.http.VendorRetry;
import io.fulfillmenthub.kit.messaging.ConsumerConfig;
import io.fulfillmenthub.storefront.squarespace.SquarespaceConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.client.api.QuarkusRestClientProperties;

/**
 * The one way the hub calls Squarespace: {@code Authorization: Bearer <api key>} and a User-Agent on every
 * call (both required). Reads are repeated as every vendor call is ({@link VendorRetry}: 5xx, 429, the
 * documented 409 {@code CONCURRENT_MODIFICATION}, timeouts, no connection). The fulfillment call is never
 * repeated here: it is not idempotent, and a timeout or a 5xx may hide a success, so its caller reads the
 * order before any second attempt. A 429 starts the documented one-minute cool-down
 * ({@code hub.squarespace.cool-down}, or a longer {@code Retry-After}) in which no call goes out: each fails
 * at once with a {@link SquarespaceUnavailableException} asking to wait the rest, which the consumer waits out.
 * Any other 4xx fails with {@link SquarespaceRefusedException}; 401 and 403 wait for the key to be fixed.
 */
@ApplicationScoped
public class SquarespaceClient {

    private static final Logger LOG = Logger.getLogger(SquarespaceClient.class);
    private static final int MAX_VENDOR_MESSAGE = 1000;
    /** VENDOR-FACTS: 409 {@code CONCURRENT_MODIFICATION}, another request on the order: retry later. */
    private static final Set<Integer> DOCUMENTED_RETRY_LATER = Set.of(409);

    private final SquarespaceConfig config;
    private final SquarespaceApi api;
    private final VendorRetry retry;
    private volatile Instant coolingUntil = Instant.MIN;

    public SquarespaceClient(SquarespaceConfig config, ConsumerConfig consumer) {
        this.config = config;
        this.api = QuarkusRestClientBuilder.newBuilder()
                // each record in flight holds at most one connection, and the poller one more
                .property(QuarkusRestClientProperties.CONNECTION_POOL_SIZE, consumer.maxInFlight() + 1)
                .baseUri(config.baseUrl())
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .userAgent(config.userAgent())
                .clientHeadersFactory((incoming, outgoing) -> bearer())
                .loggingMaskedHeaders(Set.of(HttpHeaders.AUTHORIZATION))
                .disableDefaultMapper(true)
                .build(SquarespaceApi.class);
        SquarespaceConfig.Retry retry = config.retry();
        this.retry = new VendorRetry(retry.maxRetries(), retry.initialDelay(), retry.maxDelay(), retry.maxDuration(), null);
    }

    /** {@code GET /1.0/commerce/orders/{id}}: the order as JSON; a 404 is a {@link SquarespaceRefusedException}. */
    public Uni<JsonNode> order(String orderId) {
        String call = "GET /1.0/commerce/orders/" + orderId;
        return retry.call(() -> call(call, () -> api.order(orderId)).map(body -> json(call, body)));
    }

    /** The first page of the orders modified in {@code (after, before)}, by Squarespace's order of {@code modifiedOn}. */
    public Uni<OrdersPage> orders(Instant after, Instant before) {
        String from = iso(after);
        String to = iso(before);
        String call = "GET /1.0/commerce/orders?modifiedAfter=" + from + "&modifiedBefore=" + to;
        return retry.call(() -> call(call, () -> api.orders(from, to, null)).map(body -> page(call, body)));
    }

    /** A later page: the cursor alone (documented: it cannot be combined with the dates). */
    public Uni<OrdersPage> orders(String cursor) {
        String call = "GET /1.0/commerce/orders?cursor=...";
        return retry.call(() -> call(call, () -> api.orders(null, null, cursor)).map(body -> page(call, body)));
    }

    /** {@code POST /1.0/commerce/orders/{id}/fulfillments}, once: never repeated by the client (see the class). */
    public Uni<Void> fulfill(String orderId, String idempotencyKey, FulfillOrderRequest request) {
        return call("POST /1.0/commerce/orders/" + orderId + "/fulfillments", () -> api.fulfill(orderId, idempotencyKey, request))
                .replaceWithVoid();
    }

    /** ISO 8601 UTC with milliseconds, as Squarespace documents its dates ({@code 2017-01-28T22:19:26.980Z}). */
    public static String iso(Instant instant) {
        String text = instant.truncatedTo(ChronoUnit.MILLIS).toString();
        // Instant.toString leaves out a zero fraction; Squarespace's examples always carry milliseconds
        return text.length() == 20 ? text.substring(0, 19) + ".000Z" : text;
    }

    private Uni<String> call(String name, Supplier<Uni<Response>> request) {
        if (config.apiKey().filter(key -> !key.isBlank()).isEmpty()) {
            return Uni.createFrom().failure(new SquarespaceUnavailableException(
                    "hub.squarespace.api-key is not set: cannot call Squarespace " + name, null, null));
        }
        Duration cooling = Duration.between(Instant.now(), coolingUntil);
        if (!cooling.isNegative() && !cooling.isZero()) {
            return Uni.createFrom().failure(new SquarespaceUnavailableException("Squarespace rate limit: cooling down for "
                    + cooling.toMillis() + " ms more before " + name, cooling, null));
        }
        return Uni.createFrom().deferred(request::get)
                .onFailure(SquarespaceClient::isTransport).transform(failure -> new SquarespaceUnavailableException(
                        "Squarespace " + name + " failed: " + describe(failure), null, failure))
                .onItem().transformToUni(response -> settle(name, response))
                .onFailure(VendorRetry::retryable).invoke(failure -> LOG.infof("a Squarespace call failed, may be retried: %s",
                        failure.getMessage()));
    }

    private Uni<String> settle(String call, Response response) {
        try (response) {
            int status = response.getStatus();
            String body = response.hasEntity() ? response.readEntity(String.class) : null;
            if (status >= 200 && status < 300) {
                return Uni.createFrom().item(body);
            }
            Duration retryAfter = RetryAfter.parse(response.getHeaderString(HttpHeaders.RETRY_AFTER), Instant.now()).orElse(null);
            if (status == 429) {
                Duration wait = retryAfter != null && retryAfter.compareTo(config.coolDown()) > 0 ? retryAfter : config.coolDown();
                coolingUntil = Instant.now().plus(wait);
                LOG.warnf("Squarespace answered 429 to %s: no call for %s (its rate limit's cool-down)", call, wait);
                return Uni.createFrom().failure(new SquarespaceUnavailableException("Squarespace " + call + " answered 429",
                        wait, new VendorAnswer(status, DOCUMENTED_RETRY_LATER)));
            }
            SquarespaceError error = SquarespaceError.read(body);
            if (status >= 500 || status == 408 || status == 409) {
                return Uni.createFrom().failure(new SquarespaceUnavailableException("Squarespace " + call + " answered " + status
                        + error.describe(), retryAfter, new VendorAnswer(status, DOCUMENTED_RETRY_LATER)));
            }
            if (status == 401 || status == 403) {
                // the hub's key, not the message, is wrong: it waits until the key is fixed
                return Uni.createFrom().failure(new SquarespaceUnavailableException("Squarespace " + call + " answered " + status
                        + ": check hub.squarespace.api-key" + error.describe(), null, null));
            }
            return Uni.createFrom().failure(new SquarespaceRefusedException(call, status, error.type(), error.subtype(),
                    error.message(), error.contextId()));
        }
    }

    private static JsonNode json(String call, String body) {
        try {
            JsonNode json = body == null ? null : HubJson.mapper().readTree(body);
            if (json == null || !json.isObject()) {
                throw new SquarespaceUnreadableAnswer(call + " answered with no JSON object");
            }
            return json;
        } catch (IOException e) {
            throw new SquarespaceUnreadableAnswer(call + " answered with unreadable JSON: " + e.getMessage());
        }
    }

    /** {@code {result: [...], pagination: {hasNextPage, nextPageCursor, nextPageUrl}}}; a missing list is empty. */
    private static OrdersPage page(String call, String body) {
        JsonNode page = json(call, body);
        List<JsonNode> orders = new ArrayList<>();
        page.path("result").forEach(orders::add);
        JsonNode pagination = page.path("pagination");
        String cursor = pagination.path("nextPageCursor").isTextual() && !pagination.path("nextPageCursor").asText().isBlank()
                ? pagination.path("nextPageCursor").asText() : null;
        if (pagination.path("hasNextPage").asBoolean(false) && cursor == null) {
            throw new SquarespaceUnreadableAnswer(call + " says pagination.hasNextPage but gives no pagination.nextPageCursor");
        }
        return new OrdersPage(orders, pagination.path("hasNextPage").asBoolean(cursor != null) ? cursor : null);
    }

    private MultivaluedHashMap<String, String> bearer() {
        var headers = new MultivaluedHashMap<String, String>();
        config.apiKey().ifPresent(key -> headers.putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + key));
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

    /** A 2xx whose body is not what Squarespace documents: the same answer again would not read better. */
    public static final class SquarespaceUnreadableAnswer extends RuntimeException {
        SquarespaceUnreadableAnswer(String message) {
            super("Squarespace " + message);
        }
    }

    /** Squarespace's documented error body {@code {type, subtype, message, details, contextId}}; else the raw text. */
    record SquarespaceError(String type, String subtype, String message, String contextId) {

        static SquarespaceError read(String body) {
            if (body == null || body.isBlank()) {
                return new SquarespaceError(null, null, null, null);
            }
            try {
                JsonNode json = HubJson.mapper().readTree(body);
                if (json != null && json.isObject()) {
                    return new SquarespaceError(text(json, "type"), text(json, "subtype"), text(json, "message"),
                            text(json, "contextId"));
                }
            } catch (IOException notJson) {
                // the raw text is the message
            }
            return new SquarespaceError(null, null, body.length() > MAX_VENDOR_MESSAGE ? body.substring(0, MAX_VENDOR_MESSAGE) : body,
                    null);
        }

        String describe() {
            return (subtype == null ? "" : " " + subtype) + (message == null ? "" : " (" + message + ")");
        }

        private static String text(JsonNode json, String field) {
            return json.path(field).isValueNode() && !json.path(field).asText().isBlank() ? json.get(field).asText() : null;
        }
    }
}
