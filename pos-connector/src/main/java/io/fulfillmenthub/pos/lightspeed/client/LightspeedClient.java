package io.fulfillmenthub.pos.lightspeed.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.kit.http.VendorRetry;
import io.fulfillmenthub.pos.lightspeed.LightspeedConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Lightspeed as the rest of the connector sees it: every call paced ({@link LightspeedPace}), authorised (a 401
 * refreshes the token once and tries once more, {@link LightspeedTokens}) and timed out. Reads, fulfil and void are
 * repeated in place as every vendor call is ({@link VendorRetry}); creating a sale never is: it is not idempotent,
 * so its failure goes back to the caller, which searches the change feed before any second attempt.
 * Error answers become {@link LightspeedRejection} (permanent) or {@link LightspeedTransientException}.
 */
@ApplicationScoped
public class LightspeedClient {

    private static final Logger LOG = Logger.getLogger(LightspeedClient.class);

    static final String CREATE = "POST /api/register_sales";

    private final LightspeedApi api;
    private final LightspeedTokens tokens;
    private final LightspeedPace pace;
    private final VendorRetry retry;
    private final Duration timeout;
    private final Duration maxDelay;
    private final int feedPageSize;

    public LightspeedClient(@RestClient LightspeedApi api, LightspeedTokens tokens, LightspeedPace pace, LightspeedConfig config) {
        this.api = api;
        this.tokens = tokens;
        this.pace = pace;
        LightspeedConfig.Retry retry = config.retry();
        this.retry = new VendorRetry(retry.maxRetries(), retry.initialDelay(), retry.maxDelay(), retry.maxDuration(), null);
        this.timeout = config.timeout();
        this.maxDelay = retry.maxDelay();
        this.feedPageSize = config.feedPageSize();
    }

    /** {@code POST /api/register_sales}: one attempt only (not idempotent). */
    public Uni<LightspeedSale> create(ObjectNode sale) {
        return exchange(CREATE, bearer -> api.registerSale(bearer, json(sale)))
                .map(answer -> LightspeedSale.fromRegisterSale(CREATE, answer.ok(CREATE)));
    }

    /** Voids the whole sale: {@code POST /api/register_sales} with its {@code id} and {@code status: VOIDED}. */
    public Uni<LightspeedSale> voidSale(ObjectNode sale) {
        ObjectNode voided = sale.deepCopy();
        voided.put("status", LightspeedSale.VOIDED);
        String call = CREATE + " (void)";
        return repeated(() -> exchange(call, bearer -> api.registerSale(bearer, json(voided)))
                .map(answer -> LightspeedSale.fromRegisterSale(call, answer.ok(call))));
    }

    /** {@code GET /api/2.0/sales/{id}}; empty on 404. */
    public Uni<Optional<LightspeedSale>> sale(String saleId) {
        String call = "GET /api/2.0/sales/{id}";
        return repeated(() -> exchange(call, bearer -> api.sale(bearer, saleId)).map(answer -> answer.status() == 404
                ? Optional.<LightspeedSale>empty() : Optional.of(LightspeedSale.fromData(call, answer.ok(call)))));
    }

    /** {@code GET /api/2.0/sales/{id}/fulfillments}: each fulfillment's {@code fulfillment_type} (read tolerantly). */
    public Uni<List<String>> fulfillmentTypes(String saleId) {
        String call = "GET /api/2.0/sales/{id}/fulfillments";
        return repeated(() -> exchange(call, bearer -> api.fulfillments(bearer, saleId)).map(answer -> {
            JsonNode data = LightspeedSale.tree(call, answer.ok(call)).get("data");
            if (data == null || !data.isArray()) {
                throw new LightspeedAnswerException(call, "'data' is missing or not an array");
            }
            List<String> types = new ArrayList<>();
            data.forEach(fulfillment -> {
                if (fulfillment.hasNonNull("fulfillment_type")) {
                    types.add(fulfillment.get("fulfillment_type").asText());
                }
            });
            return types;
        }));
    }

    /** {@code POST /api/2.0/sales/{id}/fulfill} with {@code PICKED_UP} or {@code SHIPPED}. */
    public Uni<Void> fulfil(String saleId, String fulfillmentType) {
        String call = "POST /api/2.0/sales/{id}/fulfill";
        ObjectNode body = HubJson.mapper().createObjectNode().put("fulfillment_type", fulfillmentType);
        return repeated(() -> exchange(call, bearer -> api.fulfill(bearer, saleId, json(body)))
                .map(answer -> {
                    answer.ok(call);
                    return null;
                }));
    }

    /**
     * Reads the change feed {@code GET /api/2.0/sales?after=&page_size=} from {@code after} to its end, looking for
     * the sale whose {@code source_id} is {@code sourceId}.
     */
    public Uni<FeedSearch> findBySourceId(String sourceId, long after) {
        String call = "GET /api/2.0/sales";
        return repeated(() -> exchange(call, bearer -> api.sales(bearer, after, feedPageSize))
                .map(answer -> LightspeedSale.listFromData(call, answer.ok(call))))
                .chain(page -> {
                    long highest = after;
                    for (LightspeedSale sale : page) {
                        highest = Math.max(highest, sale.version());
                        if (sourceId.equals(sale.sourceId())) {
                            return Uni.createFrom().item(new FeedSearch(Optional.of(sale), highest));
                        }
                    }
                    if (page.size() < feedPageSize || highest <= after) {
                        return Uni.createFrom().item(new FeedSearch(Optional.empty(), highest));
                    }
                    return findBySourceId(sourceId, highest);
                });
    }

    /** @param highestVersion the highest sale version read */
    public record FeedSearch(Optional<LightspeedSale> found, long highestVersion) {
    }

    private <T> Uni<T> repeated(Supplier<Uni<T>> attempt) {
        return retry.call(() -> attempt.get().onFailure(VendorRetry::retryable)
                .invoke(failure -> LOG.infof("a Lightspeed call failed, may be retried: %s", failure.getMessage())));
    }

    /** One call: paced, with the current token, once more with a new token after a 401. */
    private Uni<Answer> exchange(String call, Function<String, Uni<Response>> request) {
        return paced(call).chain(() -> tokens.current()).chain(token -> send(call, request, token).chain(answer -> {
            if (answer.status() != 401) {
                return Uni.createFrom().item(answer);
            }
            LOG.infof("Lightspeed refused the access token (%s): refreshing it once", call);
            return tokens.renewed(token).chain(renewed -> send(call, request, renewed));
        }));
    }

    private Uni<Answer> send(String call, Function<String, Uni<Response>> request, String token) {
        return Uni.createFrom().deferred(() -> request.apply("Bearer " + token))
                .ifNoItem().after(timeout).fail()
                .map(response -> {
                    try (response) {
                        pace.observe(response.getHeaderString("X-RateLimit-Remaining"), response.getHeaderString("X-RateLimit-Reset"));
                        String body = response.hasEntity() ? response.readEntity(String.class) : null;
                        String retryAfter = response.getHeaderString("Retry-After");
                        if (response.getStatus() == 429) {
                            pace.refused(retryAfter, Instant.now());
                        }
                        return new Answer(response.getStatus(), body, retryAfter);
                    }
                });
    }

    /** Waits as the pace says; a wait longer than the retry's max delay is the consumer's to wait out. */
    private Uni<Void> paced(String call) {
        Duration wait = pace.before(Instant.now());
        if (wait.isZero() || wait.isNegative()) {
            return Uni.createFrom().voidItem();
        }
        if (wait.compareTo(maxDelay) > 0) {
            return Uni.createFrom().failure(new LightspeedTransientException(call, 429, "Too Many Requests",
                    "not called: Lightspeed asked the connector to wait " + wait.toSeconds() + " s more", wait));
        }
        return Uni.createFrom().voidItem().onItem().delayIt().by(wait);
    }

    private static String json(JsonNode node) {
        return node.toString();
    }

    /** An answer read whole. */
    record Answer(int status, String body, String retryAfter) {

        /** The body of a 2xx; an error for anything else. */
        String ok(String call) {
            if (status / 100 == 2) {
                return body;
            }
            throw LightspeedErrors.classify(call, status, body, retryAfter, Instant.now(), false);
        }
    }
}
