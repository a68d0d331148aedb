package io.fulfillmenthub.spod;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.fulfillmenthub.spod.client.SpodProductTypes;
import io.fulfillmenthub.spod.persistence.PrintOrderStore;
import io.fulfillmenthub.spod.translate.PrintLine;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The stock-keeping units of the print orders, checked against SPOD's product types: the unknown ones named. */
@QuarkusTest
class SpodProductTypesCheckTest extends SpodConnectorTestSupport {

    @Inject
    SpodProductTypes productTypes;

    @Inject
    PrintOrderStore store;

    @Inject
    MeterRegistry metrics;

    @Test
    void unitsSpodDoesNotListAreNamedAndCounted() throws Throwable {
        String hubOrderId = newHubOrderId();
        VertxContextSupport.subscribeAndAwait(() -> store.beginSubmit(UUID.randomUUID().toString(), hubOrderId + "/f-1", hubOrderId + "/f-1",
                hubOrderId, List.of(new PrintLine("line-1", "812-4-2", 1), new PrintLine("line-2", "777-1-1", 1))));
        StubMapping listed = spod.stubFor(get(urlPathEqualTo("/spod/product-types"))
                .willReturn(okJson("[{\"id\": \"812\", \"stock-keeping-units\": [\"812-4-2\", \"812-4-3\"]}]")));
        try {
            Optional<Set<String>> unknown = VertxContextSupport.subscribeAndAwait(() -> productTypes.check());

            assertThat(unknown).hasValueSatisfying(units -> assertThat(units).contains("777-1-1").doesNotContain("812-4-2"));
            assertThat(metrics.get("spod.stock_keeping_units.unknown").gauge().value()).isEqualTo(unknown.get().size());
        } finally {
            spod.removeStub(listed);
        }
    }
}
