package io.fulfillmenthub.sandbox.vendor;

import java.util.Optional;

/**
 * A vendor the sandbox simulates, as the shared parts see it (the call record, the faults, the reset):
 * one CDI bean per vendor package. Adding a vendor is one package with one of these; nothing shared
 * names a vendor.
 */
public interface SimulatedVendor {

    /** The vendor's id in the control API and the call record, and its API's path prefix: {@code spod}. */
    String id();

    /** Whether it sends webhooks, so webhook faults apply to it. */
    boolean sendsWebhooks();

    /**
     * How the vendor words an error the sandbox injects (a 429 or a 5xx, worth retrying), so the hub's
     * client reads it as it would the vendor's own: the body, which the injector writes as JSON; empty for
     * the plain {@code {"message": ...}}.
     */
    default Optional<Object> injectedErrorBody(int status, String message) {
        return Optional.empty();
    }

    /** Forgets its orders and restores its configured behaviour, as a fresh start would. */
    void reset();

    default String pathPrefix() {
        return "/" + id();
    }

    /** A regular expression of every path of the vendor's API, for a route in front of it. */
    default String pathRegex() {
        return "^" + pathPrefix() + "(/.*)?$";
    }

    /** Whether this request path is the vendor's API. */
    default boolean serves(String path) {
        return path.equals(pathPrefix()) || path.startsWith(pathPrefix() + "/");
    }
}
