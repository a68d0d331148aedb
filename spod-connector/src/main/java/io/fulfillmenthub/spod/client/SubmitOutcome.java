package io.fulfillmenthub.spod.client;

/** How a submit ended well: SPOD created the order now, or already had it (a repeat after a lost response). */
public enum SubmitOutcome {
    CREATED, ALREADY_EXISTED
}
