package org.leifeng.portal;

import java.util.List;

import org.leifeng.identity.AccessControl;
import org.leifeng.identity.Accounts;
import org.leifeng.identity.Grant;
import org.leifeng.identity.NewAccount;
import org.leifeng.identity.Role;
import org.leifeng.platform.PageRequest;
import org.leifeng.platform.WebPages;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Accounts within the administrator's subtrees, and creating one with a first grant. */
@WebPages
class AccountPages {

    private final Accounts accounts;
    private final AccessControl access;
    private final Flash flash;

    AccountPages(Accounts accounts, AccessControl access, Flash flash) {
        this.accounts = accounts;
        this.access = access;
        this.flash = flash;
    }

    @GetMapping("/admin/accounts")
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        AdminPages.requireAdministrator(access);
        String query = q == null ? "" : q.strip();
        model.addAttribute("q", query);
        model.addAttribute("accounts", accounts.list(query.length() > 64 ? query.substring(0, 64) : query,
                new PageRequest(Math.max(page, 0), 50)));
        model.addAttribute("roles", Role.values());
        return "admin/accounts";
    }

    @PostMapping("/admin/accounts")
    String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
            @RequestParam(required = false) Role role, @RequestParam(required = false) Long organisationId,
            RedirectAttributes redirect) {
        boolean valid = username.matches("[A-Za-z0-9._@-]{3,64}") && password.length() >= 8 && password.length() <= 64
                && role != null && organisationId != null && organisationId > 0;
        if (!valid) {
            flash.error(redirect, "problem.invalidInput");
        } else {
            flash.attempt(redirect, () -> accounts.create(new NewAccount(username, password,
                    List.of(new Grant(role, organisationId)))), "accounts.created", username);
        }
        return "redirect:/admin/accounts";
    }
}
