package org.leifeng.portal;

import java.util.function.Supplier;

import org.leifeng.platform.Problem;
import org.leifeng.platform.ProblemDetails;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Runs a form's action and tells the person how it went on the next page (post, redirect, get): the success
 * message, or the refusal in their language. A refused action changes nothing, so the form can be tried again.
 */
@Component
class Flash {

    private final MessageSource messages;
    private final ProblemDetails problems;

    Flash(MessageSource messages, ProblemDetails problems) {
        this.messages = messages;
        this.problems = problems;
    }

    <T> T attempt(RedirectAttributes redirect, Supplier<T> action, String successCode, Object... args) {
        try {
            T result = action.get();
            redirect.addFlashAttribute("notice", messages.getMessage(successCode, args, LocaleContextHolder.getLocale()));
            return result;
        } catch (Problem problem) {
            redirect.addFlashAttribute("error", problems.of(problem).getDetail());
            return null;
        }
    }

    /** Tells the next page that what the person did worked. */
    void notice(RedirectAttributes redirect, String code, Object... args) {
        redirect.addFlashAttribute("notice", messages.getMessage(code, args, LocaleContextHolder.getLocale()));
    }

    void error(RedirectAttributes redirect, String code) {
        redirect.addFlashAttribute("error", messages.getMessage(code, null, code, LocaleContextHolder.getLocale()));
    }
}
