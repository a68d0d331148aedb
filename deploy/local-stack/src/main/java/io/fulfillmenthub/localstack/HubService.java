package io.fulfillmenthub.localstack;

/**
 * One process of the local stack: the module it is built in, its default port and its database
 * (null when it keeps no state). A hub service serves readiness and metrics on its management interface,
 * by default on its port + {@link #MANAGEMENT_PORT_OFFSET} (ingest 9080, orchestrator 9081, ...); the
 * sandbox, a simulator, keeps its readiness on its one port.
 */
public enum HubService {
    SANDBOX("sandbox", "deploy/sandbox", 8090, null),
    INGEST("ingest-service", "ingest-service", 8080, null),
    ORCHESTRATOR("orchestrator-service", "orchestrator-service", 8081, "orchestrator"),
    SPOD_CONNECTOR("spod-connector", "spod-connector", 8082, "spod"),
    STOREFRONT_CONNECTOR("storefront-connector", "storefront-connector", 8083, "storefront"),
    POS_CONNECTOR("pos-connector", "pos-connector", 8084, "pos");

    /** A hub service's management port is its HTTP port + this, unless told otherwise. */
    public static final int MANAGEMENT_PORT_OFFSET = 1000;

    public final String serviceName;
    final String module;
    final int defaultPort;
    final String database;

    HubService(String serviceName, String module, int defaultPort, String database) {
        this.serviceName = serviceName;
        this.module = module;
        this.defaultPort = defaultPort;
        this.database = database;
    }

    /** Whether it has a management interface (health and metrics on a port of their own): every hub service. */
    public boolean hasManagementInterface() {
        return this != SANDBOX;
    }
}
