package io.fulfillmenthub.ingest.source;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.ArrayList;
import java.util.List;

/** Where a source keeps a value: at a JSON pointer in the body, or in a request header. */
public sealed interface FieldLocation {

    /**
     * A value in the body.
     *
     * @param steps the pointer's property names, outermost first (each step into an object)
     * @param name the dotted name messages use, e.g. {@code order.id}
     */
    record InBody(List<String> steps, String name) implements FieldLocation {

        /** @throws IllegalArgumentException when it is not a JSON pointer to something inside the body */
        public static InBody at(String pointer) {
            JsonPointer compiled = JsonPointer.compile(pointer);
            List<String> steps = new ArrayList<>();
            for (JsonPointer step = compiled; !step.matches(); step = step.tail()) {
                steps.add(step.getMatchingProperty());
            }
            if (steps.isEmpty()) {
                throw new IllegalArgumentException("points at the whole body, not a field in it");
            }
            return new InBody(List.copyOf(steps), String.join(".", steps));
        }

        /** The dotted name of the first {@code depth} steps, e.g. {@code order}. */
        public String nameUpTo(int depth) {
            return String.join(".", steps.subList(0, depth));
        }
    }

    /** A value in a request header. */
    record InHeader(String header) implements FieldLocation {
    }
}
