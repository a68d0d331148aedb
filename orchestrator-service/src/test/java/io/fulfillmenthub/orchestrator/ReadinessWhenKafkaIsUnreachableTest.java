package io.fulfillmenthub.orchestrator;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(UnreachableInfrastructure.KafkaUnreachable.class)
class ReadinessWhenKafkaIsUnreachableTest {

    @Test
    void readinessIsDownWithTheMessagingCheckDown() {
        UnreachableInfrastructure.assertNotReady("SmallRye Reactive Messaging - readiness check");
    }
}
