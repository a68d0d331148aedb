package io.fulfillmenthub.ingest;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicInteger;

/** How many times the application under test started in this JVM, so a test can tell it never restarted. */
@ApplicationScoped
public class ApplicationStarts {

    private static final AtomicInteger STARTS = new AtomicInteger();

    void started(@Observes StartupEvent event) {
        STARTS.incrementAndGet();
    }

    public static int count() {
        return STARTS.get();
    }
}
