package io.fulfillmenthub.spod.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.spod.config.SpodConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The countries SPOD ships to ({@code GET /shipping-countries}), kept in memory and refreshed every
 * {@code hub.spod.shipping-countries.refresh}. Fetched in the background at start and retried every minute
 * while unknown: SPOD being away never stops the connector from starting, and a submit never waits for
 * this list. While it is unknown, {@link #serves} says so and the order is submitted (SPOD refuses a
 * destination it does not serve with a 400, which becomes {@code FulfillmentRejected}).
 *
 * <p>[unknown] The documented sample is a list of collapsed objects ({@code [{}]}): each element is read
 * as a code itself (a string), or as an object with a {@code country-code}, {@code code},
 * {@code iso-code}, {@code isoCode} or {@code iso} field, else its one two-letter upper-case value. A list
 * from which no code can be read is treated as unknown, never as "serves nothing".
 */
@ApplicationScoped
public class SpodShippingCountries {

    private static final Logger LOG = Logger.getLogger(SpodShippingCountries.class);
    private static final List<String> CODE_FIELDS = List.of("country-code", "code", "iso-code", "isoCode", "iso");

    private record Known(Set<String> countries, Instant fetchedAt) {
    }

    private final SpodClient spod;
    private final Duration refresh;
    private final AtomicBoolean fetching = new AtomicBoolean();
    private volatile Known known;

    public SpodShippingCountries(SpodClient spod, SpodConfig config) {
        this.spod = spod;
        this.refresh = config.shippingCountries().refresh();
    }

    /** Whether SPOD ships to this ISO 3166-1 alpha-2 country; empty while the list is unknown. */
    public Optional<Boolean> serves(String countryCode) {
        Known current = known;
        if (current == null || countryCode == null) {
            return Optional.empty();
        }
        return Optional.of(current.countries().contains(countryCode.trim().toUpperCase(Locale.ROOT)));
    }

    void onStart(@Observes StartupEvent start) {
        refreshIfStale().subscribe().with(ignored -> {
        }, failure -> {
        });
    }

    @Scheduled(identity = "spod-shipping-countries", every = "1m", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return refreshIfStale();
    }

    /** Fetches the list unless a fresh one is known; a failure keeps what is known and is logged, never thrown. */
    public Uni<Void> refreshIfStale() {
        Known current = known;
        if (current != null && current.fetchedAt().plus(refresh).isAfter(Instant.now())) {
            return Uni.createFrom().voidItem();
        }
        return refresh();
    }

    /** Fetches the list now; a failure keeps what is known and is logged, never thrown. */
    public Uni<Void> refresh() {
        if (!fetching.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        return spod.shippingCountries()
                .invoke(countries -> {
                    if (countries.isEmpty()) {
                        LOG.warn("GET /shipping-countries named no country the connector can read; destinations are not checked");
                    } else {
                        known = new Known(countries, Instant.now());
                        LOG.debugf("SPOD ships to %d countries", countries.size());
                    }
                })
                .onFailure().invoke(failure -> LOG.warnf(
                        "GET /shipping-countries failed, destinations %s; tried again within a minute: %s",
                        known == null ? "are not checked yet" : "are checked against the list read before",
                        failure.toString()))
                .onFailure().recoverWithNull()
                .onTermination().invoke(() -> fetching.set(false))
                .replaceWithVoid();
    }

    /** The codes in an answer of {@code GET /shipping-countries}, upper case. */
    static Set<String> read(String body) {
        JsonNode root;
        try {
            root = HubJson.mapper().readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("GET /shipping-countries answered something that is not JSON", e);
        }
        JsonNode list = root;
        if (root != null && root.isObject()) {
            // a wrapper, as the order list may have: its one array
            for (Iterator<JsonNode> values = root.elements(); values.hasNext();) {
                JsonNode value = values.next();
                if (value.isArray()) {
                    list = value;
                    break;
                }
            }
        }
        Set<String> codes = new TreeSet<>();
        if (list == null || !list.isArray()) {
            return codes;
        }
        for (JsonNode country : list) {
            code(country).ifPresent(codes::add);
        }
        return codes;
    }

    private static Optional<String> code(JsonNode country) {
        if (country.isTextual()) {
            return alpha2(country.asText());
        }
        if (!country.isObject()) {
            return Optional.empty();
        }
        for (String field : CODE_FIELDS) {
            if (country.path(field).isTextual()) {
                return alpha2(country.get(field).asText());
            }
        }
        for (Iterator<JsonNode> values = country.elements(); values.hasNext();) {
            JsonNode value = values.next();
            if (value.isTextual() && value.asText().matches("[A-Z]{2}")) {
                return Optional.of(value.asText());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> alpha2(String code) {
        String normalized = code.trim().toUpperCase(Locale.ROOT);
        return normalized.matches("[A-Z]{2}") ? Optional.of(normalized) : Optional.empty();
    }
}
