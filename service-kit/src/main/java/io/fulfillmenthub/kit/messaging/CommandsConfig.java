package io.fulfillmenthub.kit.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;

/**
 * Who may give a connector commands. Commands on Kafka come only from the orchestrator: a connector refuses
 * (dead-letters, as a contract violation naming {@code ce_source}) a command with any other {@code ce_source},
 * so a record someone else wrote to a commands topic is never carried out with the hub's vendor credentials.
 * The broker's ACLs keep others from writing there at all (docs/security.md); this is the check behind them.
 */
@ConfigMapping(prefix = "hub.commands")
public interface CommandsConfig {

    /** The {@code ce_source} of the orchestrator's commands (its outbox writes {@code /orchestrator}). */
    @WithDefault("/orchestrator")
    URI trustedSource();
}
