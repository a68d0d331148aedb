package io.fulfillmenthub.localstack;

import io.fulfillmenthub.infra.EmbeddedPostgresServer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each process of the local stack is told: where Kafka, its database and the sandbox are
 * (system properties), and the shared credentials (environment variables, so they do not show in
 * the process list).
 */
record ServiceWiring(Map<String, String> properties, Map<String, String> environment) {

    /** Set per replica (see {@link StackSettings#port(Replica)}); here it is the first replica's. */
    static final String HTTP_PORT = "quarkus.http.port";
    /** A hub service's health and metrics, set per replica (see {@link StackSettings#managementPort(Replica)}). */
    static final String MANAGEMENT_PORT = "quarkus.management.port";
    /** The OAuth app the pos-connector is to the sandbox's Lightspeed; not a secret. */
    static final String LIGHTSPEED_CLIENT_ID = "fulfillment-hub-local";

    static ServiceWiring of(HubService service, Map<HubService, Integer> ports, String kafka, int postgresPort,
            LocalSecrets secrets) {
        Map<String, String> properties = new LinkedHashMap<>();
        Map<String, String> environment = new LinkedHashMap<>();
        properties.put(HTTP_PORT, String.valueOf(ports.get(service)));
        String sandbox = "http://localhost:" + ports.get(HubService.SANDBOX);
        if (service != HubService.SANDBOX) {
            properties.put("kafka.bootstrap.servers", kafka);
        }
        if (service.database != null) {
            String url = "postgresql://localhost:" + postgresPort + "/" + service.database;
            properties.put("quarkus.datasource.reactive.url", url);
            properties.put("quarkus.datasource.jdbc.url", "jdbc:" + url);
            properties.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
        }
        switch (service) {
            case SANDBOX -> {
                properties.put("sandbox.hub.spresso-webhook-url",
                        "http://localhost:" + ports.get(HubService.INGEST) + "/webhooks/spresso");
                properties.put("sandbox.hub.squarespace-webhook-url",
                        "http://localhost:" + ports.get(HubService.INGEST) + "/webhooks/squarespace");
                environment.put("SANDBOX_SPRESSO_CLIENT_SECRET", secrets.spressoClientSecret());
                environment.put("SANDBOX_SPRESSO_API_TOKEN", secrets.spressoApiToken());
                environment.put("SANDBOX_SPOD_API_KEY", secrets.spodApiKey());
                environment.put("SANDBOX_SPOD_API_SECRET", secrets.spodApiSecret());
                environment.put("SANDBOX_SQUARESPACE_API_KEY", secrets.squarespaceApiKey());
                environment.put("SANDBOX_SQUARESPACE_WEBHOOK_SECRET", secrets.squarespaceWebhookSecret());
                properties.put("sandbox.hub.lightspeed-webhook-url",
                        "http://localhost:" + ports.get(HubService.INGEST) + "/webhooks/lightspeed");
                properties.put("sandbox.lightspeed.client-id", LIGHTSPEED_CLIENT_ID);
                environment.put("SANDBOX_LIGHTSPEED_CLIENT_SECRET", secrets.lightspeedClientSecret());
                environment.put("SANDBOX_LIGHTSPEED_REFRESH_TOKEN", secrets.lightspeedRefreshToken());
            }
            case INGEST -> {
                environment.put("HUB_INGEST_SPRESSO_SECRETS", secrets.spressoClientSecret());
                environment.put("HUB_INGEST_SQUARESPACE_SECRETS", secrets.squarespaceWebhookSecret());
                // the sandbox signs sale.update with the app's client secret, as Lightspeed is assumed to
                environment.put("HUB_INGEST_LIGHTSPEED_SECRETS", secrets.lightspeedClientSecret());
            }
            case STOREFRONT_CONNECTOR -> {
                properties.put("hub.spresso.base-url", sandbox + "/spresso");
                environment.put("HUB_SPRESSO_API_TOKEN", secrets.spressoApiToken());
                // the sandbox serves Squarespace's paths (/1.0/commerce/...) under /squarespace
                properties.put("hub.squarespace.base-url", sandbox + "/squarespace");
                environment.put("HUB_SQUARESPACE_API_KEY", secrets.squarespaceApiKey());
            }
            case SPOD_CONNECTOR -> {
                properties.put("hub.spod.base-url", sandbox + "/spod");
                properties.put("quarkus.oidc-client.spod.token-path", sandbox + "/spod/oauth/token");
                environment.put("QUARKUS_OIDC_CLIENT_SPOD_CLIENT_ID", secrets.spodApiKey());
                environment.put("QUARKUS_OIDC_CLIENT_SPOD_CREDENTIALS_CLIENT_SECRET_VALUE", secrets.spodApiSecret());
            }
            case POS_CONNECTOR -> {
                // the sandbox serves Lightspeed's paths (/api/register_sales, /api/2.0/...) under /lightspeed
                properties.put("hub.lightspeed.base-url", sandbox + "/lightspeed");
                properties.put("hub.lightspeed.client-id", LIGHTSPEED_CLIENT_ID);
                environment.put("HUB_LIGHTSPEED_CLIENT_SECRET", secrets.lightspeedClientSecret());
                environment.put("HUB_LIGHTSPEED_REFRESH_TOKEN", secrets.lightspeedRefreshToken());
            }
            default -> {
            }
        }
        return new ServiceWiring(properties, environment);
    }
}
