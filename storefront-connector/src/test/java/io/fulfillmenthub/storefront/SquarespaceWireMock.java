package io.fulfillmenthub.storefront;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Squarespace's Commerce APIs simulated by WireMock: points the connector at it with a test key, shrinks
 * retries, the read timeout and the 429 cool-down to what a test waits out, and injects the server into fields
 * marked {@link InjectSquarespace}. Each test stubs paths of its own order ids.
 */
public class SquarespaceWireMock implements QuarkusTestResourceLifecycleManager {

    public static final String API_KEY = "test-squarespace-key";
    /** Shorter than the delay of a call that "succeeds at Squarespace but times out". */
    public static final int READ_TIMEOUT_MS = 1000;

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        return Map.of(
                "hub.squarespace.base-url", server.baseUrl() + "/squarespace",
                "hub.squarespace.api-key", API_KEY,
                "hub.squarespace.read-timeout", READ_TIMEOUT_MS + "ms",
                "hub.squarespace.cool-down", "1s",
                "hub.squarespace.order-not-found-grace", "1m",
                "hub.squarespace.retry.max-retries", "2",
                "hub.squarespace.retry.initial-delay", "10ms",
                "hub.squarespace.retry.max-delay", "50ms",
                "hub.squarespace.retry.max-duration", "20s");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectSquarespace.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
