package io.fulfillmenthub.orchestrator.domain;

/**
 * An operator's assignment of a held parcel that cannot be applied as given; nothing changed.
 * {@link #field()} names what is wrong (e.g. {@code lines[1].quantity}), {@link #kind()} how an API answers.
 */
public class HeldParcelAssignmentException extends RuntimeException {

    /** What kind of problem: the request, a parcel or fulfillment that is not there, or one already assigned. */
    public enum Kind {
        INVALID, NOT_FOUND, ALREADY_ASSIGNED
    }

    private final Kind kind;
    private final String field;

    public HeldParcelAssignmentException(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }
}
