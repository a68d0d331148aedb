package io.fulfillmenthub.orchestrator.api;

/**
 * The roles of the operations API, read from a bearer token's {@code groups} claim: a viewer reads orders, their
 * timelines, dead letters and parked outbox messages; an operator does what a viewer does and acts (replays,
 * resubmits, hand-overs, deliveries, assignments, retries).
 */
public final class OperationsRoles {

    public static final String VIEWER = "hub-viewer";
    public static final String OPERATOR = "hub-operator";

    /** The OpenAPI name of the bearer security scheme (quarkus.smallrye-openapi.security-scheme-name). */
    static final String BEARER = "bearer";

    private OperationsRoles() {
    }
}
