package io.fulfillmenthub.ingest.source;

import java.io.IOException;

/**
 * A body its format cannot read, with why: the form is malformed, a field the format needs is missing, or the
 * JSON inside it is not JSON. The message names the field.
 */
public final class UnreadableBody extends IOException {

    /** What is wrong, as the refusal's error code tells it. */
    public enum Problem { INVALID_FORM, MISSING_FIELD, INVALID_JSON }

    private final Problem problem;

    public UnreadableBody(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
