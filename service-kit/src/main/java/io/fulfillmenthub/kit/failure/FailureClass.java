package io.fulfillmenthub.kit.failure;

/** What a consumer does with a failed record (DESIGN.md, "Transient is not dead"). */
public enum FailureClass {

    /** May succeed when repeated: a vendor 5xx/429/timeout, a database or broker away. Retried in place, however long it lasts. */
    TRANSIENT,

    /** The record itself breaks the contract (unreadable, unknown type, invalid): it can never succeed. Dead-lettered at once. */
    CONTRACT,

    /** Neither known to pass nor known to be final, e.g. a bug or a constraint violation: retried, then dead-lettered as poison. */
    UNKNOWN
}
