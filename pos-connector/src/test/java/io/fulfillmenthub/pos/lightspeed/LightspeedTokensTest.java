package io.fulfillmenthub.pos.lightspeed;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillmenthub.pos.lightspeed.client.LightspeedApi;
import io.fulfillmenthub.pos.lightspeed.client.LightspeedTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;

/** Refresh tokens are single-use and rotate: replicas refreshing at once refresh once. */
@QuarkusTest
class LightspeedTokensTest {

    private static final LightspeedDouble STORE = LightspeedSimulator.STORE;

    @Inject
    Pool database;

    @Inject
    @RestClient
    LightspeedApi api;

    @Inject
    LightspeedConfig config;

    @Test
    void twoReplicasRefusedTheSameTokenRefreshItOnceAndUseTheSameNewOne() throws Throwable {
        // the stored pair: an access token Lightspeed no longer takes and a refresh token it issued
        String refreshToken = STORE.issueRefreshToken();
        database.preparedQuery("INSERT INTO lightspeed_token (name, access_token, refresh_token, expires_at) "
                        + "VALUES ('default', 'expired-access', $1, now() + interval '1 hour') ON CONFLICT (name) DO UPDATE "
                        + "SET access_token = 'expired-access', refresh_token = $1, expires_at = now() + interval '1 hour'")
                .execute(Tuple.of(refreshToken)).await().atMost(Duration.ofSeconds(10));
        int refreshesBefore = STORE.refreshes();
        int refusedBefore = STORE.refusedRefreshTokens();
        LightspeedTokens replicaA = new LightspeedTokens(database, api, config);
        LightspeedTokens replicaB = new LightspeedTokens(database, api, config);
        LightspeedTokens replicaC = new LightspeedTokens(database, api, config);

        List<String> tokens = VertxContextSupport.subscribeAndAwait(() -> Uni.join().all(
                replicaA.renewed("expired-access"), replicaB.renewed("expired-access"), replicaC.renewed("expired-access"))
                .andFailFast());

        assertThat(STORE.refreshes() - refreshesBefore).isEqualTo(1);
        assertThat(STORE.refusedRefreshTokens() - refusedBefore).isZero();
        assertThat(tokens).doesNotContain("expired-access").containsOnly(tokens.get(0));
        // every replica keeps using it: no further refresh
        assertThat(VertxContextSupport.subscribeAndAwait(() -> replicaB.current())).isEqualTo(tokens.get(0));
        assertThat(STORE.refreshes() - refreshesBefore).isEqualTo(1);
    }
}
