package io.fulfillmenthub.pos.lightspeed;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/** Lightspeed for the tests: {@link LightspeedDouble} behind a WireMock server, which records every request. */
public class LightspeedSimulator implements QuarkusTestResourceLifecycleManager {

    /** The store, shared by every test of the JVM as the server is. */
    public static final LightspeedDouble STORE = new LightspeedDouble();

    private WireMockServer server;

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectLightspeed {
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().extensions(STORE));
        server.start();
        server.stubFor(any(urlPathMatching("/lightspeed/.*")).willReturn(aResponse().withTransformers(LightspeedDouble.NAME)));
        return Map.of(
                "hub.lightspeed.base-url", server.baseUrl() + "/lightspeed",
                "hub.lightspeed.client-id", LightspeedDouble.CLIENT_ID,
                "hub.lightspeed.client-secret", LightspeedDouble.CLIENT_SECRET,
                "hub.lightspeed.refresh-token", LightspeedDouble.FIRST_REFRESH_TOKEN);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectLightspeed.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
