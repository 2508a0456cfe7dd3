package org.leifeng.portal;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.UnaryOperator;

import jakarta.servlet.http.HttpServletResponse;

import org.leifeng.activity.Activities;
import org.leifeng.activity.ActivityView;
import org.leifeng.activity.NewSeries;
import org.leifeng.activity.NewShift;
import org.leifeng.activity.SeriesView;
import org.leifeng.activity.ShiftSeries;
import org.leifeng.platform.InputValidator;
import org.leifeng.platform.NotFound;
import org.leifeng.platform.Problem;
import org.leifeng.platform.WebPages;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The shifts of one activity on its organiser's page: add one, move or resize one (a single occurrence of a series
 * too), cancel one; add a weekly or monthly series, end one. A refused form comes back on the activity's page with
 * the reasons next to its fields and what was typed; a done one redirects there with a notice.
 */
@WebPages
class OrganiserShiftPages {

    private final Activities activities;
    private final ShiftSeries series;
    private final OrganiserActivityDetail detail;
    private final InputValidator inputs;
    private final FormRefusals refusals;
    private final Flash flash;

    OrganiserShiftPages(Activities activities, ShiftSeries series, OrganiserActivityDetail detail,
            InputValidator inputs, FormRefusals refusals, Flash flash) {
        this.activities = activities;
        this.series = series;
        this.detail = detail;
        this.inputs = inputs;
        this.refusals = refusals;
        this.flash = flash;
    }

    @ModelAttribute("errors")
    FormErrors noErrors() {
        return FormErrors.none();
    }

    @PostMapping("/admin/activities/{id}/shifts")
    String addShift(@PathVariable long id, ShiftForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        detail.organised(id);
        try {
            NewShift shift = inputs.check(form.read());
            activities.addShift(id, shift);
            flash.notice(redirect, "activityPages.shiftAdded");
            return "redirect:/admin/activities/" + id;
        } catch (Problem problem) {
            model.addAttribute("addShift", form);
            refusals.show(problem, "add", error -> ShiftForm.field(error, UnaryOperator.identity()), model, response);
            return detail.show(id, model);
        }
    }

    /** Changes one shift's day, times, places or position; for a series' shift, that occurrence only. */
    @PostMapping("/admin/activities/{id}/shifts/{shiftId}")
    String editShift(@PathVariable long id, @PathVariable long shiftId, ShiftForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        detail.shiftOf(detail.organised(id), shiftId);
        try {
            NewShift change = inputs.check(form.read());
            activities.editShift(shiftId, change);
            flash.notice(redirect, "activityPages.shiftSaved");
            return "redirect:/admin/activities/" + id;
        } catch (Problem problem) {
            model.addAttribute("editedShift", shiftId);
            model.addAttribute("shiftForm", form);
            refusals.show(problem, "shift-" + shiftId, error -> ShiftForm.field(error, UnaryOperator.identity()),
                    model, response);
            return detail.show(id, model);
        }
    }

    @PostMapping("/admin/activities/{id}/shifts/{shiftId}/cancel")
    String cancelShift(@PathVariable long id, @PathVariable long shiftId, RedirectAttributes redirect) {
        detail.shiftOf(detail.organised(id), shiftId);
        flash.attempt(redirect, () -> activities.cancelShift(shiftId), "activityPages.shiftCancelledNotice");
        return "redirect:/admin/activities/" + id;
    }

    /** A weekly or monthly series of shifts (regular service, 常态化), generated ahead by the activity module. */
    @PostMapping("/admin/activities/{id}/series")
    String addSeries(@PathVariable long id, SeriesForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        detail.organised(id);
        try {
            NewSeries request = inputs.check(form.toNewSeries());
            SeriesView created = series.create(id, request);
            flash.notice(redirect, "activityPages.series.created", created.shifts().size());
            return "redirect:/admin/activities/" + id;
        } catch (Problem problem) {
            model.addAttribute("seriesForm", form);
            refusals.show(problem, "series", form::field, model, response);
            return detail.show(id, model);
        }
    }

    /** Ends a series after its last day (today when none is given); shifts nobody holds beyond it are cancelled. */
    @PostMapping("/admin/activities/{id}/series/{seriesId}/end")
    String endSeries(@PathVariable long id, @PathVariable long seriesId,
            @RequestParam(defaultValue = "") String lastDate, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        ActivityView activity = detail.organised(id);
        if (series.ofActivity(activity.id()).stream().noneMatch(plan -> plan.id() == seriesId)) {
            throw new NotFound("series", seriesId);
        }
        try {
            FormReader read = new FormReader();
            LocalDate last = read.date("lastDate", lastDate);
            read.done();
            series.end(seriesId, last);
            flash.notice(redirect, "activityPages.series.endedNotice");
            return "redirect:/admin/activities/" + id;
        } catch (Problem problem) {
            model.addAttribute("lastDates", Map.of(seriesId, lastDate));
            refusals.show(problem, "end-" + seriesId, UnaryOperator.identity(), model, response);
            return detail.show(id, model);
        }
    }
}
