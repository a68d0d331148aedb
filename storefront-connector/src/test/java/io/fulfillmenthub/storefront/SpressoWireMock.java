package io.fulfillmenthub.storefront;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Spresso's API simulated by WireMock: points the connector at it, with a test token and retries
 * shrunk to milliseconds, and injects the server into fields marked {@link InjectSpresso}. Each test
 * stubs paths of its own fulfillment ids, so tests never see each other's calls.
 */
public class SpressoWireMock implements QuarkusTestResourceLifecycleManager {

    public static final String API_TOKEN = "test-spresso-token";
    public static final int MAX_RETRIES = 3;

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        return Map.of(
                "hub.spresso.base-url", server.baseUrl() + "/spresso",
                "hub.spresso.api-token", API_TOKEN,
                "hub.spresso.retry.max-retries", String.valueOf(MAX_RETRIES),
                "hub.spresso.retry.initial-delay", "10ms",
                "hub.spresso.retry.max-delay", "50ms",
                "hub.spresso.retry.max-duration", "20s");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(InjectSpresso.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
