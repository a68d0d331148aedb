package io.fulfillmenthub.sandbox.faults;

import io.fulfillmenthub.sandbox.calls.Vendor;

/**
 * How a vendor words an error the sandbox injects, so the hub's client reads an injected 503 or 429
 * as it would the vendor's own. A vendor without one gets {@code {"message": ...}}.
 */
public interface InjectedErrorBody {

    Vendor vendor();

    /** The JSON body of an injected answer: a 429 or a 5xx, worth retrying. */
    String json(int status, String message);
}
