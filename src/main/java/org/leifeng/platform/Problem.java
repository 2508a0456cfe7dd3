package org.leifeng.platform;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A refusal that the client should understand: it becomes an RFC 9457 problem detail with this status.
 * The {@link #code()} names a message in {@code i18n/messages} so the detail is shown in the caller's language;
 * the exception message is the English fallback and is what goes to the log.
 */
public class Problem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final transient Object[] args;
    private final List<FieldError> errors;

    public Problem(HttpStatus status, String code, String defaultMessage, Object... args) {
        this(status, code, defaultMessage, List.of(), args);
    }

    protected Problem(HttpStatus status, String code, String defaultMessage, List<FieldError> errors, Object... args) {
        super(defaultMessage);
        this.status = status;
        this.code = code;
        this.args = args;
        this.errors = List.copyOf(errors);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Extra members of the problem detail, such as the id of the sign-up that already exists. */
    public Map<String, Object> properties() {
        return Map.of();
    }

    /** One invalid field: {@code field} is the JSON property path, {@code message} says what is wrong. */
    public record FieldError(String field, String message) {
    }
}
