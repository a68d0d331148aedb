package io.fulfillmenthub.kit.failure;

/**
 * Implemented by a failure that lies in the record itself: a payload that cannot be read or breaks the
 * contract, a type the consumer was not built for. Repeating it cannot help, so it is dead-lettered at
 * once; the message names what is wrong (the JSON path and why), for the operator who replays it after a fix.
 */
public interface ContractViolation {
}
