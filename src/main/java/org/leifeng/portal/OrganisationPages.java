package org.leifeng.portal;

import java.util.Arrays;
import java.util.List;

import org.leifeng.identity.AccessControl;
import org.leifeng.organisation.NewOrganisation;
import org.leifeng.organisation.Organisation;
import org.leifeng.organisation.OrganisationType;
import org.leifeng.organisation.Organisations;
import org.leifeng.platform.PageRequest;
import org.leifeng.platform.WebPages;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organisation tree for administrators: their own subtrees, opened level by level, and each node's forms. */
@WebPages
@RequestMapping("/admin/organisations")
class OrganisationPages {

    private static final int MAX_NAME = 100;
    private static final PageRequest ALL_CHILDREN = new PageRequest(0, PageRequest.MAX_SIZE);

    private final Organisations organisations;
    private final AccessControl access;
    private final Flash flash;

    OrganisationPages(Organisations organisations, AccessControl access, Flash flash) {
        this.organisations = organisations;
        this.access = access;
        this.flash = flash;
    }

    @GetMapping
    String tree(@RequestParam(required = false) String q, Model model) {
        AdminPages.requireAdministrator(access);
        List<TreeNode> roots = organisations.scopeRoots().stream()
                .map(root -> new TreeNode(root, organisations.children(root.id(), ALL_CHILDREN).items()))
                .toList();
        model.addAttribute("roots", roots);
        if (q != null && !q.isBlank()) {
            model.addAttribute("q", q.strip());
            model.addAttribute("results", organisations.search(q.strip(), null, new PageRequest(0, 50)));
        }
        return "admin/organisations";
    }

    /** The children of a node as list items, for the tree to open a level (htmx). */
    @GetMapping("/{id}/children")
    String children(@PathVariable long id, Model model) {
        AdminPages.requireAdministrator(access);
        model.addAttribute("children", organisations.children(id, ALL_CHILDREN).items());
        return "admin/tree :: children";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        AdminPages.requireAdministrator(access);
        Organisation organisation = organisations.get(id);
        model.addAttribute("organisation", organisation);
        model.addAttribute("children", organisations.children(id, new PageRequest(Math.max(page, 0), 50)));
        model.addAttribute("childTypes", Arrays.stream(OrganisationType.values())
                .filter(type -> type.mayStandUnder(organisation.type())).toList());
        return "admin/organisation";
    }

    @PostMapping("/{id}/children")
    String create(@PathVariable long id, @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) OrganisationType type, RedirectAttributes redirect) {
        if (name.isBlank() || name.strip().length() > MAX_NAME || type == null) {
            flash.error(redirect, "problem.invalidInput");
            return "redirect:/admin/organisations/" + id;
        }
        flash.attempt(redirect, () -> organisations.create(new NewOrganisation(name, type, id)), "org.created", name.strip());
        return "redirect:/admin/organisations/" + id;
    }

    @PostMapping("/{id}/rename")
    String rename(@PathVariable long id, @RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        if (name.isBlank() || name.strip().length() > MAX_NAME) {
            flash.error(redirect, "problem.invalidInput");
        } else {
            flash.attempt(redirect, () -> organisations.rename(id, name), "org.saved");
        }
        return "redirect:/admin/organisations/" + id;
    }

    @PostMapping("/{id}/move")
    String move(@PathVariable long id, @RequestParam(required = false) Long parentId, RedirectAttributes redirect) {
        if (parentId == null || parentId < 1) {
            flash.error(redirect, "problem.invalidInput");
        } else {
            flash.attempt(redirect, () -> organisations.move(id, parentId), "org.moved");
        }
        return "redirect:/admin/organisations/" + id;
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable long id, RedirectAttributes redirect) {
        flash.attempt(redirect, () -> organisations.deactivate(id), "org.deactivated");
        return "redirect:/admin/organisations/" + id;
    }

    @PostMapping("/{id}/activate")
    String activate(@PathVariable long id, RedirectAttributes redirect) {
        flash.attempt(redirect, () -> organisations.activate(id), "org.activated");
        return "redirect:/admin/organisations/" + id;
    }

    /** A top of the caller's view, shown open with its first level. */
    record TreeNode(Organisation organisation, List<Organisation> children) {
    }
}
