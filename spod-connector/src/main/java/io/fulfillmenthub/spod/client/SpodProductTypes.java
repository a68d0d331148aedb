package io.fulfillmenthub.spod.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.spod.persistence.PrintOrderStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * At start, in the background, the stock-keeping units of the print orders submitted so far are checked
 * against {@code GET /product-types}; those SPOD does not list are logged (WARN, naming them) and counted
 * in the gauge {@code spod.stock_keeping_units.unknown} (-1 while it cannot be told). Never fails the start:
 * SPOD away, or an answer in which no unit can be found, is logged and leaves the gauge at -1.
 *
 * <p>[unknown] The documented sample is a collapsed {@code []}; "the stock keeping unit ID can be gathered
 * from the product types resource". Every text under a field named {@code stock-keeping-unit},
 * {@code stock-keeping-units}, {@code sku} or {@code skus}, anywhere in the answer, counts as a unit.
 */
@ApplicationScoped
public class SpodProductTypes {

    private static final Logger LOG = Logger.getLogger(SpodProductTypes.class);
    private static final Set<String> UNIT_FIELDS = Set.of("stock-keeping-unit", "stock-keeping-units", "sku", "skus");

    private final SpodClient spod;
    private final PrintOrderStore store;
    private final AtomicInteger unknown = new AtomicInteger(-1);

    public SpodProductTypes(SpodClient spod, PrintOrderStore store, MeterRegistry metrics) {
        this.spod = spod;
        this.store = store;
        metrics.gauge("spod.stock_keeping_units.unknown", unknown);
    }

    void onStart(@Observes StartupEvent start) {
        check().subscribe().with(ignored -> {
        }, failure -> LOG.warnf("could not check stock-keeping units against GET /product-types: %s", failure.toString()));
    }

    /** The units of the hub's print orders that SPOD does not list; empty when that cannot be told. */
    public Uni<Optional<Set<String>>> check() {
        return spod.productTypeUnits().flatMap(listed -> store.stockKeepingUnits().map(used -> {
            if (listed.isEmpty()) {
                LOG.info("GET /product-types named no stock-keeping unit the connector can read; units are not checked");
                unknown.set(-1);
                return Optional.<Set<String>>empty();
            }
            Set<String> missing = new TreeSet<>(used);
            missing.removeAll(listed);
            unknown.set(missing.size());
            if (!missing.isEmpty()) {
                LOG.warnf("SPOD's product types do not list the stock-keeping units %s of print orders submitted", missing);
            }
            return Optional.of(missing);
        }));
    }

    /** The units named anywhere in an answer of {@code GET /product-types}. */
    static Set<String> read(String body) {
        try {
            Set<String> units = new TreeSet<>();
            collect(HubJson.mapper().readTree(body == null ? "" : body), false, units);
            return units;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("GET /product-types answered something that is not JSON", e);
        }
    }

    private static void collect(JsonNode node, boolean unitField, Set<String> units) {
        if (node == null) {
            return;
        }
        if (node.isTextual() && unitField && !node.asText().isBlank()) {
            units.add(node.asText().trim());
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, unitField, units));
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                collect(field.getValue(), UNIT_FIELDS.contains(field.getKey()), units);
            }
        }
    }
}
