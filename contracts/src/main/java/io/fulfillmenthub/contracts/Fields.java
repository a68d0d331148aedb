package io.fulfillmenthub.contracts;

import java.util.List;

/** Checks used by the records' constructors, so a bad message fails with the name of the bad field. */
public final class Fields {

    private Fields() {
    }

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    public static String requiredText(String value, String field) {
        if (required(value, field).isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    public static <T> List<T> nonEmpty(List<T> values, String field) {
        if (required(values, field).isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        return List.copyOf(values);
    }

    /** A list that must be present but may be empty. */
    public static <T> List<T> requiredList(List<T> values, String field) {
        return List.copyOf(required(values, field));
    }

    public static int positive(int value, String field) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
        return value;
    }

    public static int notNegative(int value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
        return value;
    }
}
