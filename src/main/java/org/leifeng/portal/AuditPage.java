package org.leifeng.portal;

import org.leifeng.identity.AccessControl;
import org.leifeng.identity.AuditTrail;
import org.leifeng.platform.PageRequest;
import org.leifeng.platform.WebPages;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@WebPages
class AuditPage {

    private final AuditTrail audit;
    private final AccessControl access;

    AuditPage(AuditTrail audit, AccessControl access) {
        this.audit = audit;
        this.access = access;
    }

    @GetMapping("/admin/audit")
    String entries(@RequestParam(required = false) String action, @RequestParam(defaultValue = "0") int page,
            Model model) {
        AdminPages.requireAdministrator(access);
        String filter = action == null ? "" : action.strip();
        model.addAttribute("action", filter);
        model.addAttribute("entries", audit.entries(filter.length() > 120 ? filter.substring(0, 120) : filter,
                new PageRequest(Math.max(page, 0), 50)));
        return "admin/audit";
    }
}
