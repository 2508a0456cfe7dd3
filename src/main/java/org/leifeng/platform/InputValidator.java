package org.leifeng.platform;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

/**
 * Bean validation for input that does not come through a {@code @Valid} controller argument (forms of pages, imports):
 * the same constraints, the same 400 with one error per field.
 */
@Component
public class InputValidator {

    private final Validator validator;

    InputValidator(Validator validator) {
        this.validator = validator;
    }

    public <T> T check(T input) {
        List<Problem.FieldError> errors = validator.validate(input).stream()
                .map(violation -> new Problem.FieldError(violation.getPropertyPath().toString(), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return input;
    }
}
