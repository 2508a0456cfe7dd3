package org.leifeng.portal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a refused form says, by field, for the page to show next to each field: keys are the form's field names
 * (prefixed with the form's name where a page holds several forms), values are translated messages. A refusal that
 * belongs to no field is kept under the form's own name. Empty when nothing was refused.
 */
public final class FormErrors {

    private static final FormErrors NONE = new FormErrors(Map.of());

    private final Map<String, String> messages;

    FormErrors(Map<String, String> messages) {
        this.messages = Collections.unmodifiableMap(new LinkedHashMap<>(messages));
    }

    static FormErrors none() {
        return NONE;
    }

    public boolean has(String field) {
        return messages.containsKey(field);
    }

    public String of(String field) {
        return messages.get(field);
    }

    /** The id of the field's message, for {@code aria-describedby}. */
    public String id(String field) {
        return "error-" + field.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    /** {@code "true"} for a refused field, else null so that Thymeleaf leaves {@code aria-invalid} out. */
    public String invalid(String field) {
        return has(field) ? "true" : null;
    }

    public String describedBy(String field) {
        return has(field) ? id(field) : null;
    }

    /** Whether anything of one form (its key, or a key under it: "shift-7", "shift-7.capacity") was refused. */
    public boolean any(String form) {
        return messages.keySet().stream().anyMatch(key -> key.equals(form) || key.startsWith(form + "."));
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    Map<String, String> all() {
        return messages;
    }
}
