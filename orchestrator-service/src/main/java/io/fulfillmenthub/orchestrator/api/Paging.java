package io.fulfillmenthub.orchestrator.api;

/** The {@code limit} of every paged list of the operations API. */
final class Paging {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    /** How the OpenAPI document describes {@code limit}. */
    static final String LIMIT = "page size, 1 to 500 (default 50)";

    private Paging() {
    }

    /** The page size asked for, {@link #DEFAULT_LIMIT} when absent; fails with the message for the caller. */
    static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        int size;
        try {
            size = Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            size = -1;
        }
        if (size < 1 || size > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be a whole number from 1 to " + MAX_LIMIT + ", was '" + limit + "'");
        }
        return size;
    }
}
