package org.leifeng.identity;

import org.leifeng.platform.Problem;
import org.leifeng.platform.ProblemDetails;
import org.leifeng.platform.WebPages;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Changing one's password on a page, as {@code PUT /api/v1/me/password} does for API clients. A refused new password
 * is explained by the rule it breaks (too short, too easy to guess).
 */
@WebPages
class PasswordPage {

    private final PasswordChange passwordChange;
    private final AccessControl access;
    private final ProblemDetails problems;
    private final MessageSource messages;

    PasswordPage(PasswordChange passwordChange, AccessControl access, ProblemDetails problems, MessageSource messages) {
        this.messages = messages;
        this.passwordChange = passwordChange;
        this.access = access;
        this.problems = problems;
    }

    @GetMapping("/account/password")
    String form() {
        return "password";
    }

    @PostMapping("/account/password")
    String change(@RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword, RedirectAttributes redirect) {
        try {
            passwordChange.change(access.caller(), currentPassword, newPassword);
            redirect.addFlashAttribute("passwordChanged", true);
        } catch (Problem problem) {
            redirect.addFlashAttribute("error", problem.errors().isEmpty() ? problems.of(problem).getDetail()
                    : messages.getMessage("password.refused", new Object[] {messages.getMessage(
                            problem.errors().get(0).message(), null, LocaleContextHolder.getLocale())},
                            LocaleContextHolder.getLocale()));
        }
        return "redirect:/account/password";
    }
}
