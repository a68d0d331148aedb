package io.fulfillmenthub.sandbox.faults;

import io.vertx.core.Context;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A vendor call a fault holds back (frozen, or delayed), to be let through once: when its wait is
 * over, its fault is cleared or its caller goes away. It resumes on the event loop it arrived on.
 */
final class HeldCall {

    private final Context context;
    private final Runnable resume;
    private final AtomicBoolean settled = new AtomicBoolean();

    HeldCall(Context context, Runnable resume) {
        this.context = context;
        this.resume = resume;
    }

    void release() {
        if (settled.compareAndSet(false, true)) {
            context.runOnContext(ignored -> resume.run());
        }
    }
}
