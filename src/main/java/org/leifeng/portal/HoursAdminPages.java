package org.leifeng.portal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.leifeng.activity.Activities;
import org.leifeng.activity.ActivityStatus;
import org.leifeng.hours.Correction;
import org.leifeng.hours.DisputeResolution;
import org.leifeng.hours.Hours;
import org.leifeng.hours.ManualEntry;
import org.leifeng.identity.AccessControl;
import org.leifeng.identity.Role;
import org.leifeng.platform.Forbidden;
import org.leifeng.platform.PageRequest;
import org.leifeng.platform.Problem;
import org.leifeng.platform.WebPages;
import org.leifeng.volunteer.VolunteerLabel;
import org.leifeng.volunteer.Volunteers;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 时长管理 for administrators: enter service done without the QR code, approve or reject others' entries, answer
 * volunteers' disputes (with a correction or a reply). Every rule is the ledger's; these pages gather the fields.
 */
@WebPages
class HoursAdminPages {

    private final Hours hours;
    private final Activities activities;
    private final Volunteers volunteers;
    private final AccessControl access;
    private final Flash flash;

    HoursAdminPages(Hours hours, Activities activities, Volunteers volunteers, AccessControl access, Flash flash) {
        this.hours = hours;
        this.activities = activities;
        this.volunteers = volunteers;
        this.access = access;
        this.flash = flash;
    }

    @GetMapping("/admin/hours")
    String page(Model model) {
        requireAdministrator();
        var pending = hours.approvalQueue();
        var disputes = hours.disputeQueue();
        Set<Long> people = new HashSet<>();
        pending.forEach(record -> people.add(record.volunteerId()));
        disputes.forEach(dispute -> people.add(dispute.volunteerId()));
        Map<Long, VolunteerLabel> labels = volunteers.labelsOf(people);
        model.addAttribute("pending", pending);
        model.addAttribute("disputes", disputes);
        model.addAttribute("labels", labels);
        model.addAttribute("me", access.caller().accountId());
        // Service is recorded on activities that took place or are taking place: published and completed ones.
        model.addAttribute("activities", activities.organisedBy(new PageRequest(0, PageRequest.MAX_SIZE)).items().stream()
                .filter(activity -> activity.status() == ActivityStatus.PUBLISHED || activity.status() == ActivityStatus.COMPLETED)
                .toList());
        return "hours/admin";
    }

    @PostMapping("/admin/hours/entries")
    String enter(@RequestParam(defaultValue = "") String volunteerNumber, @RequestParam(defaultValue = "") String activityId,
            @RequestParam(defaultValue = "") String date, @RequestParam(defaultValue = "") String start,
            @RequestParam(defaultValue = "") String end, @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        requireAdministrator();
        ManualEntry entry;
        try {
            Long volunteerId = volunteers.idOfNumber(volunteerNumber).orElse(null);
            if (volunteerId == null) {
                flash.error(redirect, "attendance.unknownVolunteerNumber");
                return "redirect:/admin/hours";
            }
            LocalDate day = LocalDate.parse(date.strip());
            OffsetDateTime from = day.atTime(LocalTime.parse(start.strip())).atZone(ActivityPages.CITY_TIME).toOffsetDateTime();
            OffsetDateTime until = day.atTime(LocalTime.parse(end.strip())).atZone(ActivityPages.CITY_TIME).toOffsetDateTime();
            entry = new ManualEntry(volunteerId, Long.valueOf(activityId.strip()), from, until,
                    OrganiserActivityPages.blankToNull(OrganiserActivityPages.clip(note, 500)));
        } catch (Problem refused) {
            return attemptRefused(redirect, refused);
        } catch (RuntimeException unreadable) {
            flash.error(redirect, "hoursPages.entryInvalid");
            return "redirect:/admin/hours";
        }
        flash.attempt(redirect, () -> hours.enter(entry), "hoursPages.entered");
        return "redirect:/admin/hours";
    }

    @PostMapping("/admin/hours/records/{id}/approve")
    String approve(@PathVariable long id, RedirectAttributes redirect) {
        flash.attempt(redirect, () -> hours.approve(id), "hoursPages.approved");
        return "redirect:/admin/hours";
    }

    @PostMapping("/admin/hours/records/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        if (reason.isBlank()) {
            flash.error(redirect, "activityPages.reasonRequired");
        } else {
            flash.attempt(redirect, () -> hours.reject(id, OrganiserActivityPages.clip(reason, 500)), "hoursPages.rejected");
        }
        return "redirect:/admin/hours";
    }

    @PostMapping("/admin/hours/records/{id}/correct")
    String correct(@PathVariable long id, @RequestParam(defaultValue = "") String hoursValue,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        BigDecimal corrected = decimal(hoursValue);
        if (corrected == null || reason.isBlank()) {
            flash.error(redirect, "hoursPages.correctionInvalid");
        } else {
            flash.attempt(redirect, () -> hours.correct(id, new Correction(corrected, OrganiserActivityPages.clip(reason, 500))),
                    "hoursPages.corrected");
        }
        return "redirect:/admin/hours";
    }

    @PostMapping("/admin/hours/disputes/{id}/resolve")
    String resolve(@PathVariable long id, @RequestParam(defaultValue = "") String hoursValue,
            @RequestParam(defaultValue = "") String reply, RedirectAttributes redirect) {
        if (reply.isBlank()) {
            flash.error(redirect, "hoursPages.replyRequired");
        } else {
            BigDecimal corrected = decimal(hoursValue);
            flash.attempt(redirect, () -> hours.resolve(id, new DisputeResolution(corrected,
                    OrganiserActivityPages.clip(reply, 500))), "hoursPages.resolved");
        }
        return "redirect:/admin/hours";
    }

    private String attemptRefused(RedirectAttributes redirect, Problem refused) {
        flash.attempt(redirect, () -> {
            throw refused;
        }, "hoursPages.entered");
        return "redirect:/admin/hours";
    }

    private void requireAdministrator() {
        access.caller();
        if (access.scopePaths(Role.ORG_ADMIN).isEmpty()) {
            throw new Forbidden("problem.adminOnly", "Only administrators use this page.");
        }
    }

    private static BigDecimal decimal(String value) {
        try {
            return value == null || value.isBlank() ? null : new BigDecimal(value.strip()).setScale(1, RoundingMode.HALF_UP);
        } catch (NumberFormatException unreadable) {
            return null;
        }
    }
}
