package io.fulfillmenthub.ingest;

import io.fulfillmenthub.testing.UnreachableInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(KafkaUnreachableProfile.class)
class ReadinessWhenKafkaIsUnreachableTest {

    @Test
    void readinessIsDownWithTheMessagingCheckDown() {
        UnreachableInfrastructure.assertNotReady(UnreachableInfrastructure.MESSAGING_CHECK);
    }
}
