package io.fulfillmenthub.spod;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * SPOD for the tests: a WireMock server whose token endpoint checks the client credentials grant as
 * SPOD documents it and issues a new random token on every request. Tests stub the API calls they need
 * and read what the connector sent. It points the connector's base URL and token URL at itself.
 */
public class SpodSimulator implements QuarkusTestResourceLifecycleManager {

    public static final String API_KEY = "test-api-key";
    public static final String API_SECRET = "test-api-secret";
    public static final String TOKEN_PATH = "/spod/oauth/token";
    /** What the connector must send as User-Agent: the application's name and version, never curl's. */
    public static final String USER_AGENT = "fulfillment-hub/\\S+";
    public static final String SCOPE = "industrial-fulfillment.read industrial-fulfillment.write";

    /** SPOD's order list, shared by every test of the JVM as the server is. */
    public static final SpodOrderListDouble ORDER_LIST = new SpodOrderListDouble();

    private WireMockServer server;

    /** Marks the test field that receives the server. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectSpod {
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().extensions(ORDER_LIST));
        server.start();
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .withBasicAuth(API_KEY, API_SECRET)
                // SPOD refuses a request without a User-Agent naming the application, the token request too
                .withHeader("User-Agent", matching(USER_AGENT))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("grant_type", equalTo("client_credentials"))
                .withFormParam("client_id", equalTo(API_KEY))
                .withFormParam("scope", equalTo(SCOPE))
                .willReturn(okJson("{\"access_token\": \"{{randomValue length=32 type='ALPHANUMERIC'}}\", "
                        + "\"token_type\": \"bearer\", \"expires_in\": 86399, \"scope\": \"" + SCOPE + "\", "
                        + "\"api_key\": \"" + API_KEY + "\"}")
                        .withTransformers("response-template")));
        return Map.of(
                "hub.spod.base-url", server.baseUrl() + "/spod",
                "quarkus.oidc-client.spod.token-path", server.baseUrl() + TOKEN_PATH,
                "quarkus.oidc-client.spod.client-id", API_KEY,
                "quarkus.oidc-client.spod.credentials.client-secret.value", API_SECRET);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectSpod.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
