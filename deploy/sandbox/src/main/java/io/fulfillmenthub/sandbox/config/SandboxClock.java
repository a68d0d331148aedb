package io.fulfillmenthub.sandbox.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The one clock of the sandbox, so rules that depend on time can be tested with a fixed one. */
public class SandboxClock {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
