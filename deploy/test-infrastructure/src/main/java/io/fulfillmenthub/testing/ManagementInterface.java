package io.fulfillmenthub.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A service's management interface in its {@code @QuarkusTest}: readiness ({@code /q/health/*}) and metrics
 * ({@code /q/metrics}) are served there, on a port of their own ({@code quarkus.management.test-port=0}: a
 * free one, which Quarkus puts back into the configuration once it listens), and not on the public port
 * REST Assured is pointed at.
 */
public final class ManagementInterface {

    private ManagementInterface() {
    }

    /** A REST Assured request to the management interface: {@code ManagementInterface.given().get("/q/metrics")}. */
    public static RequestSpecification given() {
        return RestAssured.given().port(port());
    }

    /** The port the management interface listens on in this test run. */
    public static int port() {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        if (port == 0) {
            throw new IllegalStateException("the management interface is not listening yet (quarkus.management.test-port is 0)");
        }
        return port;
    }
}
