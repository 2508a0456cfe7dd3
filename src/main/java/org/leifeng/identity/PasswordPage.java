package org.leifeng.identity;

import org.leifeng.platform.Problem;
import org.leifeng.platform.ProblemDetails;
import org.leifeng.platform.WebPages;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Changing one's password on a page, as {@code PUT /api/v1/me/password} does for API clients. */
@WebPages
class PasswordPage {

    private final PasswordChange passwordChange;
    private final AccessControl access;
    private final ProblemDetails problems;

    PasswordPage(PasswordChange passwordChange, AccessControl access, ProblemDetails problems) {
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
            redirect.addFlashAttribute("error", problems.of(problem).getDetail());
        }
        return "redirect:/account/password";
    }
}
