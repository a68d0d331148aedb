package io.fulfillmenthub.spod.client;

import io.fulfillmenthub.kit.http.VendorRetry;
import io.fulfillmenthub.spod.config.SpodConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * SPOD as the rest of the connector sees it: every call authorised (a 401 fetches a new token and
 * tries once more), timed out, and retried as every vendor call is ({@link VendorRetry}: 5xx, 429,
 * SPOD's {@code retryable: true}, timeouts, connection errors; back-off with jitter; {@code Retry-After}
 * waited out). Permanent errors surface at once as {@link SpodRejection} with SPOD's message and trace id.
 */
@ApplicationScoped
public class SpodClient {

    private static final Logger LOG = Logger.getLogger(SpodClient.class);

    private final SpodApi api;
    private final SpodAccessToken token;
    private final VendorRetry retry;

    public SpodClient(@RestClient SpodApi api, SpodAccessToken token, SpodConfig config) {
        this.api = api;
        this.token = token;
        SpodConfig.Retry retry = config.retry();
        this.retry = new VendorRetry(retry.maxRetries(), retry.initialDelay(), retry.maxDelay(), retry.maxDuration(),
                retry.attemptTimeout());
    }

    /**
     * {@code POST /orders}. SPOD refuses a second order with the same external order id (400, or 409), so
     * on either the order is looked up: if it is there, an earlier attempt created it.
     */
    public Uni<SubmitOutcome> submit(SpodOrderRequest order) {
        String call = "POST /orders";
        return guarded(() -> authorized(bearer -> api.submitOrder(bearer, order)).flatMap(response -> {
            int status = response.getStatus();
            if (status == 200 || status == 201) {
                response.close();
                return Uni.createFrom().item(SubmitOutcome.CREATED);
            }
            SpodApiException error = error(call, response);
            if (status == 400 || status == 409) {
                return find(order.externalOrderId()).map(existing -> existing.map(found -> SubmitOutcome.ALREADY_EXISTED)
                        .orElseThrow(() -> error));
            }
            return Uni.createFrom().failure(error);
        }), new TypeLiteral<>() {
        });
    }

    /** {@code GET /orders/{id}}; empty on 404. */
    public Uni<Optional<SpodOrder>> order(String externalOrderId) {
        return guarded(() -> find(externalOrderId), new TypeLiteral<>() {
        });
    }

    /** {@code POST /orders/{id}/cancel}; a 400 (already in production or sent) is a {@link SpodRejection}. */
    public Uni<Void> cancel(String externalOrderId) {
        String call = "POST /orders/{id}/cancel";
        return guarded(() -> authorized(bearer -> api.cancelOrder(bearer, externalOrderId)).flatMap(response -> {
            if (response.getStatus() / 100 == 2) {
                response.close();
                return Uni.createFrom().voidItem();
            }
            return Uni.createFrom().<Void>failure(error(call, response));
        }), new TypeLiteral<>() {
        });
    }

    /**
     * One page of {@code GET /orders?updated-since=&limit=&offset=}, a bare array or an object wrapping one
     * ({@link SpodOrderList}); an answer that is neither fails the call, naming what it found.
     */
    public Uni<List<SpodOrder>> orders(Instant updatedSince, int limit, int offset) {
        return guarded(() -> authorized(bearer -> api.orders(bearer, updatedSince.toString(), limit, offset))
                .flatMap(response -> body("GET /orders", response, SpodOrderList::read)), new TypeLiteral<>() {
                });
    }

    /** {@code GET /shipping-countries}: the ISO 3166-1 alpha-2 codes SPOD ships to ({@link SpodShippingCountries}). */
    public Uni<Set<String>> shippingCountries() {
        return guarded(() -> authorized(api::shippingCountries)
                .flatMap(response -> body("GET /shipping-countries", response, SpodShippingCountries::read)), new TypeLiteral<>() {
                });
    }

    /** {@code GET /product-types}: the stock-keeping units it names ({@link SpodProductTypes}). */
    public Uni<Set<String>> productTypeUnits() {
        return guarded(() -> authorized(api::productTypes)
                .flatMap(response -> body("GET /product-types", response, SpodProductTypes::read)), new TypeLiteral<>() {
                });
    }

    /** A 200's body as the reader reads it (read tolerantly, its shape being undocumented); anything else an error. */
    private static <T> Uni<T> body(String call, Response response, Function<String, T> reader) {
        return response.getStatus() == 200
                ? Uni.createFrom().item(() -> reader.apply(response.readEntity(String.class)))
                : Uni.createFrom().failure(error(call, response));
    }

    private Uni<Optional<SpodOrder>> find(String externalOrderId) {
        return authorized(bearer -> api.order(bearer, externalOrderId)).flatMap(response -> {
            if (response.getStatus() == 200) {
                return Uni.createFrom().item(Optional.of(response.readEntity(SpodOrder.class)));
            }
            if (response.getStatus() == 404) {
                response.close();
                return Uni.createFrom().item(Optional.empty());
            }
            return Uni.createFrom().failure(error("GET /orders/{id}", response));
        });
    }

    /** The call with the current token; on 401 once more with a new one. */
    private Uni<Response> authorized(Function<String, Uni<Response>> call) {
        return token.current().flatMap(bearer -> call.apply("Bearer " + bearer)).flatMap(response -> {
            if (response.getStatus() != 401) {
                return Uni.createFrom().item(response);
            }
            response.close();
            return token.renewed().flatMap(bearer -> call.apply("Bearer " + bearer));
        });
    }

    private <T> Uni<T> guarded(Supplier<Uni<T>> attempt, TypeLiteral<Uni<T>> type) {
        return retry.call(() -> attempt.get()
                .onFailure(VendorRetry::retryable).invoke(failure -> LOG.infof("a SPOD call failed, may be retried: %s", failure.toString())));
    }

    private static SpodApiException error(String call, Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : null;
        return SpodErrors.classify(call, response.getStatus(), body, response.getHeaderString(HttpHeaders.RETRY_AFTER),
                Instant.now());
    }

}
