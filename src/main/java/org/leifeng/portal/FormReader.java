package org.leifeng.portal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.leifeng.platform.InvalidInput;
import org.leifeng.platform.Problem;

/**
 * Reads a form's text into the values a module's request takes. A blank field is absent (null); a field that is not
 * a number, date or time where one is expected is noted as {@code validation.wrongType} under the form's own field
 * name, and {@link #done()} refuses them together. It checks no rule: the module's validation does that.
 */
final class FormReader {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    Integer whole(String field, String value) {
        return read(field, value, Integer::valueOf);
    }

    Long id(String field, String value) {
        return read(field, value, Long::valueOf);
    }

    Double decimal(String field, String value) {
        return read(field, value, text -> {
            double number = Double.parseDouble(text);
            if (!Double.isFinite(number)) {
                throw new NumberFormatException(text);
            }
            return number;
        });
    }

    LocalDate date(String field, String value) {
        return read(field, value, LocalDate::parse);
    }

    LocalTime time(String field, String value) {
        return read(field, value, LocalTime::parse);
    }

    /** A {@code datetime-local} field: a local date and time in the city. */
    OffsetDateTime cityDateTime(String field, String value) {
        return read(field, value, text -> LocalDateTime.parse(text).atZone(ActivityPages.CITY_TIME).toOffsetDateTime());
    }

    <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
        return read(field, value, text -> Enum.valueOf(type, text));
    }

    /** Marks a field that must be filled for the others to make sense (a shift's date with its times). */
    void missing(String field) {
        errors.add(new Problem.FieldError(field, "validation.required"));
    }

    /** Refuses a field that was read but says something the form cannot mean (an end before the start). */
    void refuse(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
    }

    boolean failed() {
        return !errors.isEmpty();
    }

    /** Refuses what could not be read, before anything is asked of the module. */
    void done() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(List.copyOf(errors));
        }
    }

    private <T> T read(String field, String value, Function<String, T> parse) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parse.apply(value.strip());
        } catch (RuntimeException unreadable) {
            errors.add(new Problem.FieldError(field, "validation.wrongType"));
            return null;
        }
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
