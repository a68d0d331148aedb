package io.fulfillmenthub.pos.lightspeed.client;

import io.fulfillmenthub.pos.lightspeed.LightspeedConfig;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The replica's one {@link LightspeedTokens} (tests make more, to play several replicas). */
public class LightspeedTokensProducer {

    @Produces
    @Singleton
    LightspeedTokens tokens(Pool database, @RestClient LightspeedApi api, LightspeedConfig config) {
        return new LightspeedTokens(database, api, config);
    }
}
