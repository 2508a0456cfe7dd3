package org.leifeng.portal;

import jakarta.servlet.http.HttpServletResponse;

import org.leifeng.identity.AccessControl;
import org.leifeng.platform.PageRequest;
import org.leifeng.platform.Problem;
import org.leifeng.platform.ProblemDetails;
import org.leifeng.platform.WebPages;
import org.leifeng.volunteer.VolunteerQuery;
import org.leifeng.volunteer.Volunteers;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Volunteers for administrators: search within their subtrees, masked details, the audited reveal. */
@WebPages
@RequestMapping("/admin/volunteers")
class VolunteerPages {

    private final Volunteers volunteers;
    private final AccessControl access;
    private final ProblemDetails problems;

    VolunteerPages(Volunteers volunteers, AccessControl access, ProblemDetails problems) {
        this.volunteers = volunteers;
        this.access = access;
        this.problems = problems;
    }

    @GetMapping
    String list(@RequestParam(required = false) String name, @RequestParam(required = false) String number,
            @RequestParam(required = false) String phone, @RequestParam(required = false) String skill,
            @RequestParam(defaultValue = "0") int page, Model model) {
        AdminPages.requireAdministrator(access);
        VolunteerQuery query = new VolunteerQuery(null, limit(name, 50), limit(number, 20), limit(phone, 20),
                limit(skill, 40), null, false);
        model.addAttribute("query", query);
        model.addAttribute("skills", volunteers.skillCatalogue());
        model.addAttribute("result", volunteers.search(query, null, new PageRequest(Math.max(page, 0), 50)));
        return "admin/volunteers";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        AdminPages.requireAdministrator(access);
        model.addAttribute("volunteer", volunteers.get(id));
        return "admin/volunteer";
    }

    /** Shown in this answer only: a revealed number is never put in a session, a redirect or a log. */
    @PostMapping("/{id}/reveal")
    String reveal(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Model model,
            HttpServletResponse response) {
        AdminPages.requireAdministrator(access);
        model.addAttribute("volunteer", volunteers.get(id));
        if (reason.strip().length() < 4 || reason.length() > 200) {
            response.setStatus(400);
            model.addAttribute("revealError", true);
            return "admin/volunteer";
        }
        try {
            model.addAttribute("revealed", volunteers.revealIdNumber(id, reason));
        } catch (Problem problem) {
            response.setStatus(problem.status().value());
            model.addAttribute("error", problems.of(problem).getDetail());
        }
        return "admin/volunteer";
    }

    private static String limit(String value, int length) {
        return value == null ? null : value.length() > length ? value.substring(0, length) : value;
    }
}
