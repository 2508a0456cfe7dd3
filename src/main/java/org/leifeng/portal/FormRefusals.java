package org.leifeng.portal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import jakarta.servlet.http.HttpServletResponse;

import org.leifeng.platform.Problem;
import org.leifeng.platform.ProblemDetails;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Turns a module's refusal of a form into what the page shows: each of the problem's {@code errors[]} next to the
 * form field it concerns (the form maps the request's property paths to its field names), translated, and a line
 * at the top of the page. The page is answered with the problem's status and everything typed is shown again.
 */
@Component
class FormRefusals {

    private final MessageSource messages;
    private final ProblemDetails problems;

    FormRefusals(MessageSource messages, ProblemDetails problems) {
        this.messages = messages;
        this.problems = problems;
    }

    /**
     * Puts the refusal into the model as {@code errors} (and the top line as {@code error}); {@code form} prefixes
     * the keys when the page holds several forms ("" when it holds one).
     */
    void show(Problem problem, String form, UnaryOperator<Problem.FieldError> toField, Model model,
            HttpServletResponse response) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (Problem.FieldError error : problem.errors()) {
            Problem.FieldError field = toField.apply(error);
            String key = form.isEmpty() ? field.field() : form + "." + field.field();
            byField.merge(key, translated(field.message()), (first, second) -> first + " · " + second);
        }
        String summary = problem.errors().isEmpty() ? problems.of(problem).getDetail()
                : translated("activityPages.form.fixFields");
        if (byField.isEmpty() && !form.isEmpty()) {
            byField.put(form, summary);
        }
        model.addAttribute("errors", new FormErrors(byField));
        model.addAttribute("error", summary);
        response.setStatus(problem.status().value());
    }

    /** Codes become messages in the reader's language; bean validation's messages are already translated. */
    private String translated(String message) {
        return messages.getMessage(message, null, message, LocaleContextHolder.getLocale());
    }
}
