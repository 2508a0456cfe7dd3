package org.leifeng.portal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import jakarta.servlet.http.HttpServletResponse;

import org.leifeng.activity.Activities;
import org.leifeng.activity.ShiftView;
import org.leifeng.activity.SignUps;
import org.leifeng.activity.SignupStatus;
import org.leifeng.activity.SignupView;
import org.leifeng.platform.NotFound;
import org.leifeng.platform.PageRequest;
import org.leifeng.platform.Problem;
import org.leifeng.platform.WebPages;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A shift's sign-ups for its organisers: who holds a place, approving or turning down (with a reason the volunteer
 * reads) those awaiting approval, cancelling one, marking no-shows after the shift, and the waiting list in the order
 * it moves up.
 */
@WebPages
class OrganiserSignupPages {

    private final Activities activities;
    private final SignUps signUps;
    private final FormRefusals refusals;
    private final Flash flash;
    private final Clock clock;

    OrganiserSignupPages(Activities activities, SignUps signUps, FormRefusals refusals, Flash flash, Clock clock) {
        this.activities = activities;
        this.signUps = signUps;
        this.refusals = refusals;
        this.flash = flash;
        this.clock = clock;
    }

    @ModelAttribute("errors")
    FormErrors noErrors() {
        return FormErrors.none();
    }

    @GetMapping("/admin/shifts/{shiftId}/signups")
    String signups(@PathVariable long shiftId, Model model) {
        // The module's list checks that the caller organises the shift's activity before anything is shown.
        List<SignupView> all = signUps.ofShift(shiftId, null, new PageRequest(0, PageRequest.MAX_SIZE)).items();
        ShiftView shift = activities.shift(shiftId).orElseThrow(() -> new NotFound("shift", shiftId));
        model.addAttribute("shiftId", shiftId);
        model.addAttribute("shift", shift);
        model.addAttribute("activity", activities.get(shift.activityId()));
        model.addAttribute("signups", all.stream().filter(s -> s.status() != SignupStatus.WAITLISTED).toList());
        // Listed by their place in line (the module orders by it): the first here is the next to move up.
        model.addAttribute("waiting", all.stream().filter(s -> s.status() == SignupStatus.WAITLISTED).toList());
        model.addAttribute("now", OffsetDateTime.now(clock));
        if (!model.containsAttribute("reasons")) {
            model.addAttribute("reasons", Map.of());
        }
        return "admin/activities/signups";
    }

    @PostMapping("/admin/shifts/{shiftId}/signups/{id}/approve")
    String approve(@PathVariable long shiftId, @PathVariable long id, RedirectAttributes redirect) {
        onShift(shiftId, id);
        flash.attempt(redirect, () -> signUps.approve(id), "activityPages.approved");
        return "redirect:/admin/shifts/" + shiftId + "/signups";
    }

    @PostMapping("/admin/shifts/{shiftId}/signups/{id}/reject")
    String reject(@PathVariable long shiftId, @PathVariable long id, @RequestParam(defaultValue = "") String reason,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        onShift(shiftId, id);
        try {
            signUps.reject(id, reason);
            flash.notice(redirect, "activityPages.rejected");
            return "redirect:/admin/shifts/" + shiftId + "/signups";
        } catch (Problem problem) {
            model.addAttribute("reasons", Map.of(id, reason));
            refusals.show(problem, "reject-" + id, UnaryOperator.identity(), model, response);
            return signups(shiftId, model);
        }
    }

    /** Organisers may cancel a sign-up at any time; the place goes to the first in line. */
    @PostMapping("/admin/shifts/{shiftId}/signups/{id}/cancel")
    String cancel(@PathVariable long shiftId, @PathVariable long id, RedirectAttributes redirect) {
        onShift(shiftId, id);
        flash.attempt(redirect, () -> signUps.cancel(id), "activityPages.signupCancelledByOrganiser");
        return "redirect:/admin/shifts/" + shiftId + "/signups";
    }

    @PostMapping("/admin/shifts/{shiftId}/signups/{id}/no-show")
    String noShow(@PathVariable long shiftId, @PathVariable long id, RedirectAttributes redirect) {
        onShift(shiftId, id);
        flash.attempt(redirect, () -> signUps.markNoShow(id), "activityPages.markedNoShow");
        return "redirect:/admin/shifts/" + shiftId + "/signups";
    }

    /** A sign-up of another shift is not this page's to change (the module checks who may change it). */
    private void onShift(long shiftId, long signupId) {
        if (signUps.get(signupId).shiftId() != shiftId) {
            throw new NotFound("signup", signupId);
        }
    }
}
