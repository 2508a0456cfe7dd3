package org.leifeng.portal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.leifeng.activity.Activities;
import org.leifeng.activity.ActivityChange;
import org.leifeng.activity.ActivityView;
import org.leifeng.activity.Category;
import org.leifeng.activity.NewActivity;
import org.leifeng.identity.AccessControl;
import org.leifeng.identity.Role;
import org.leifeng.organisation.Organisations;
import org.leifeng.organisation.Team;
import org.leifeng.organisation.Teams;
import org.leifeng.platform.Forbidden;
import org.leifeng.platform.InputValidator;
import org.leifeng.platform.PageRequest;
import org.leifeng.platform.Problem;
import org.leifeng.platform.WebPages;
import org.leifeng.volunteer.Volunteers;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Activities for their organisers (administrators and team leaders): the list of their scope, the editor for a new
 * activity or an existing one's description, one activity with its shifts, publishing and cancelling. Every rule is
 * the activity module's: the page reads the form, asks the module (its constraints, then its facade) and shows a
 * refusal next to the fields it concerns, with everything typed kept.
 */
@WebPages
class OrganiserActivityPages {

    private static final int MAX_ORGANISATIONS = 500;
    private static final String EDITOR = "admin/activities/editor";

    private final Activities activities;
    private final OrganiserActivityDetail detail;
    private final AccessControl access;
    private final Organisations organisations;
    private final Teams teams;
    private final Volunteers volunteers;
    private final InputValidator inputs;
    private final FormRefusals refusals;
    private final Flash flash;

    OrganiserActivityPages(Activities activities, OrganiserActivityDetail detail, AccessControl access,
            Organisations organisations, Teams teams, Volunteers volunteers, InputValidator inputs,
            FormRefusals refusals, Flash flash) {
        this.activities = activities;
        this.detail = detail;
        this.access = access;
        this.organisations = organisations;
        this.teams = teams;
        this.volunteers = volunteers;
        this.inputs = inputs;
        this.refusals = refusals;
        this.flash = flash;
    }

    @ModelAttribute("errors")
    FormErrors noErrors() {
        return FormErrors.none();
    }

    @GetMapping("/admin/activities")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        requireOrganiser();
        model.addAttribute("activities", activities.organisedBy(new PageRequest(Math.max(page, 0), 50)));
        return "admin/activities/list";
    }

    @GetMapping("/admin/activities/new")
    String editor(Model model) {
        requireOrganiser();
        return editorPage(ActivityForm.empty(), model);
    }

    /** One more empty shift row for the editor, fetched with htmx. */
    @GetMapping("/admin/activities/shift-row")
    String shiftRow(Model model) {
        requireOrganiser();
        model.addAttribute("shiftRows", List.of(ShiftForm.blank()));
        return EDITOR + " :: shiftRow";
    }

    @PostMapping("/admin/activities")
    String create(HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        requireOrganiser();
        ActivityForm form = ActivityForm.read(request);
        try {
            NewActivity checked = inputs.check(form.toNewActivity());
            ActivityView created = activities.create(checked);
            flash.notice(redirect, "activityPages.created", created.title());
            return "redirect:/admin/activities/" + created.id();
        } catch (Problem problem) {
            refusals.show(problem, "", form::field, model, response);
            return editorPage(form, model);
        }
    }

    @GetMapping("/admin/activities/{id}")
    String detail(@PathVariable long id, Model model) {
        return detail.show(id, model);
    }

    /** The editor again for an activity that exists: everything but its organiser, team and shifts can change. */
    @GetMapping("/admin/activities/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        ActivityView activity = detail.organised(id);
        return changePage(activity, ActivityForm.of(activity), model);
    }

    @PostMapping("/admin/activities/{id}/edit")
    String update(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        ActivityView activity = detail.organised(id);
        ActivityForm form = ActivityForm.read(request);
        try {
            ActivityChange checked = inputs.check(form.toChange());
            activities.update(id, checked);
            flash.notice(redirect, "activityPages.saved");
            return "redirect:/admin/activities/" + id;
        } catch (Problem problem) {
            refusals.show(problem, "", form::field, model, response);
            return changePage(activity, form, model);
        }
    }

    @PostMapping("/admin/activities/{id}/publish")
    String publish(@PathVariable long id, RedirectAttributes redirect) {
        flash.attempt(redirect, () -> activities.publish(id), "activityPages.published");
        return "redirect:/admin/activities/" + id;
    }

    /** How many people the held activity served (服务对象人次), for the figures leaders see. */
    @PostMapping("/admin/activities/{id}/people-served")
    String peopleServed(@PathVariable long id, @RequestParam(defaultValue = "") String people, RedirectAttributes redirect) {
        Integer count;
        try {
            count = Integer.valueOf(people.strip());
        } catch (NumberFormatException unreadable) {
            count = null;
        }
        if (count == null || count < 0) {
            flash.error(redirect, "activityPages.peopleServedInvalid");
        } else {
            int recorded = count;
            flash.attempt(redirect, () -> activities.recordPeopleServed(id, recorded), "activityPages.peopleServedSaved");
        }
        return "redirect:/admin/activities/" + id;
    }

    @PostMapping("/admin/activities/{id}/cancel")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        flash.attempt(redirect, () -> activities.cancel(id), "activityPages.activityCancelled");
        return "redirect:/admin/activities/" + id;
    }

    private String changePage(ActivityView activity, ActivityForm form, Model model) {
        model.addAttribute("activityId", activity.id());
        model.addAttribute("activity", activity);
        model.addAttribute("teamName", detail.teamName(activity));
        return editorPage(form, model);
    }

    private String editorPage(ActivityForm form, Model model) {
        List<Long> scope = organisations.idsWithin(access.scopePaths(Role.TEAM_LEADER));
        model.addAttribute("form", form);
        model.addAttribute("shiftRows", form.shiftRows());
        model.addAttribute("organisationIds", scope.subList(0, Math.min(scope.size(), MAX_ORGANISATIONS)));
        model.addAttribute("categories", Category.values());
        model.addAttribute("teams", teams.search(null, "", new PageRequest(0, PageRequest.MAX_SIZE)).items().stream()
                .filter(Team::managedByCaller).filter(Team::active).toList());
        model.addAttribute("skills", volunteers.skillCatalogue());
        return EDITOR;
    }

    private void requireOrganiser() {
        access.caller();
        boolean organises = access.grants().stream().anyMatch(grant -> grant.role().satisfies(Role.TEAM_LEADER));
        if (!organises) {
            throw new Forbidden("problem.adminOnly", "Only administrators and team leaders use these pages.");
        }
    }

    /** Text clipped to a length; other pages' short free-text fields use it. */
    static String clip(String value, int length) {
        String stripped = value == null ? "" : value.strip();
        return stripped.length() > length ? stripped.substring(0, length) : stripped;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
