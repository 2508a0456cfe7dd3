package org.leifeng.platform;

import java.util.List;

import org.springframework.http.HttpStatus;

/** 400: a field of the request is invalid in a way bean validation cannot see. */
public class InvalidInput extends Problem {

    public InvalidInput(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public InvalidInput(List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, "problem.invalidInput", "Invalid input: " + errors.stream()
                .map(FieldError::field).toList(), errors);
    }
}
