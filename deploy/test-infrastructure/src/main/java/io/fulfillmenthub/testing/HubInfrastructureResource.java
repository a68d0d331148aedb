package io.fulfillmenthub.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Points a service under test at the shared Kafka broker and, with the init argument
 * {@code database}, at its own database on the shared PostgreSQL. Use it once per test module:
 *
 * <pre>
 * &#64;WithTestResource(value = HubInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
 *         initArgs = &#64;ResourceArg(name = "database", value = "orchestrator"))
 * </pre>
 */
public class HubInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "database";

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get(DATABASE);
    }

    @Override
    public Map<String, String> start() {
        SharedInfrastructure infrastructure = SharedInfrastructure.get();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", infrastructure.kafkaBootstrapServers());
        if (database != null) {
            config.putAll(infrastructure.datasourceConfig(database));
        }
        return config;
    }

    @Override
    public void stop() {
        // the broker and database outlive each test class; SharedInfrastructure stops them at JVM exit
    }
}
