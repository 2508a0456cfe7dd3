package org.leifeng.platform;

import java.util.Optional;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;

/** The field a refused JSON value stood in, and why, as a {@link Problem.FieldError}. */
public final class JsonFields {

    private JsonFields() {
    }

    /** The error, or empty when the exception does not say where in the document it arose. */
    public static Optional<Problem.FieldError> errorOf(JacksonException refused) {
        if (refused.getPath().isEmpty()) {
            return Optional.empty();
        }
        String field = refused.getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        boolean controlCharacter = refused instanceof InvalidFormatException format
                && format.getValue() instanceof String text && ControlCharacters.refused(text);
        return Optional.of(new Problem.FieldError(field,
                controlCharacter ? "validation.controlCharacters" : "validation.wrongType"));
    }
}
