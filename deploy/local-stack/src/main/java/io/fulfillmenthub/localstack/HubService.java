package io.fulfillmenthub.localstack;

/**
 * One process of the local stack: the module it is built in, its default port and its database
 * (null when it keeps no state).
 */
public enum HubService {
    SANDBOX("sandbox", "deploy/sandbox", 8090, null),
    INGEST("ingest-service", "ingest-service", 8080, null),
    ORCHESTRATOR("orchestrator-service", "orchestrator-service", 8081, "orchestrator"),
    SPOD_CONNECTOR("spod-connector", "spod-connector", 8082, "spod"),
    STOREFRONT_CONNECTOR("storefront-connector", "storefront-connector", 8083, "storefront"),
    POS_CONNECTOR("pos-connector", "pos-connector", 8084, "pos");

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
}
