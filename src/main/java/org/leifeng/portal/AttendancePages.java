package org.leifeng.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import org.leifeng.activity.Activities;
import org.leifeng.activity.ActivityView;
import org.leifeng.activity.ShiftView;
import org.leifeng.attendance.Attendance;
import org.leifeng.attendance.AttendanceCode;
import org.leifeng.attendance.AttendanceStatus;
import org.leifeng.attendance.AttendanceView;
import org.leifeng.attendance.Position;
import org.leifeng.platform.NotFound;
import org.leifeng.platform.Problem;
import org.leifeng.platform.ProblemDetails;
import org.leifeng.platform.QrCodes;
import org.leifeng.platform.ServiceTime;
import org.leifeng.platform.WebPages;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Attendance pages. For the organiser: the screen with the rotating QR code (refreshed by htmx before it expires),
 * who is in, the kiosk (type or scan a volunteer's number), walk-ins, and closing open check-ins after the shift.
 * For the volunteer: the page the QR code opens, with one button to check in or out.
 */
@WebPages
class AttendancePages {

    private final Attendance attendance;
    private final Activities activities;
    private final ServiceTime serviceTime;
    private final ProblemDetails problems;
    private final Flash flash;
    private final Clock clock;

    AttendancePages(Attendance attendance, Activities activities, ServiceTime serviceTime, ProblemDetails problems,
            Flash flash, Clock clock) {
        this.attendance = attendance;
        this.activities = activities;
        this.serviceTime = serviceTime;
        this.problems = problems;
        this.flash = flash;
        this.clock = clock;
    }

    @GetMapping("/admin/shifts/{id}/attendance")
    String screen(@PathVariable long id, Model model) {
        ShiftView shift = activities.shift(id).orElseThrow(() -> new NotFound("shift", id));
        ActivityView activity = activities.get(shift.activityId());
        List<AttendanceView> present = attendance.ofShift(id);
        model.addAttribute("shift", shift);
        model.addAttribute("activity", activity);
        model.addAttribute("present", present);
        model.addAttribute("checkedIn", present.stream().filter(a -> a.status() == AttendanceStatus.CHECKED_IN)
                .count());
        model.addAttribute("checkedOut", present.stream().filter(a -> a.status() == AttendanceStatus.CHECKED_OUT)
                .count());
        model.addAttribute("walkIns", attendance.walkInsAllowed(id));
        model.addAttribute("over", clock.instant().isAfter(shift.endsAt().toInstant().plus(serviceTime.grace())));
        addCode(id, model);
        return "attendance/screen";
    }

    /** The QR code again, before the shown one expires (htmx polls this every 25 s). */
    @GetMapping("/admin/shifts/{id}/attendance/code")
    String code(@PathVariable long id, Model model) {
        addCode(id, model);
        return "attendance/screen :: code";
    }

    @PostMapping("/admin/shifts/{id}/attendance/kiosk")
    String kiosk(@PathVariable long id, @RequestParam(defaultValue = "") String volunteerNumber,
            @RequestParam(defaultValue = "CHECK_IN") String action, RedirectAttributes redirect) {
        Attendance.KioskAction kioskAction = "CHECK_OUT".equals(action) ? Attendance.KioskAction.CHECK_OUT
                : Attendance.KioskAction.CHECK_IN;
        flash.attempt(redirect, () -> attendance.kiosk(id, volunteerNumber.strip(), kioskAction),
                kioskAction == Attendance.KioskAction.CHECK_IN ? "attendancePages.kioskIn" : "attendancePages.kioskOut",
                volunteerNumber.strip());
        return "redirect:/admin/shifts/" + id + "/attendance";
    }

    @PostMapping("/admin/shifts/{id}/attendance/walk-ins")
    String walkIns(@PathVariable long id, @RequestParam(defaultValue = "false") boolean allowed,
            RedirectAttributes redirect) {
        flash.attempt(redirect, () -> attendance.allowWalkIns(id, allowed),
                allowed ? "attendancePages.walkInsOn" : "attendancePages.walkInsOff");
        return "redirect:/admin/shifts/" + id + "/attendance";
    }

    @PostMapping("/admin/shifts/{id}/attendance/{attendanceId}/close")
    String close(@PathVariable long id, @PathVariable long attendanceId, @RequestParam(defaultValue = "") String until,
            RedirectAttributes redirect) {
        ShiftView shift = activities.shift(id).orElseThrow(() -> new NotFound("shift", id));
        Instant creditUntil;
        try {
            creditUntil = until.isBlank() ? null : shift.startsAt().atZoneSameInstant(ActivityPages.CITY_TIME)
                    .toLocalDate().atTime(LocalTime.parse(until.strip())).atZone(ActivityPages.CITY_TIME).toInstant();
        } catch (RuntimeException unreadable) {
            flash.error(redirect, "attendancePages.timeInvalid");
            return "redirect:/admin/shifts/" + id + "/attendance";
        }
        flash.attempt(redirect, () -> attendance.close(attendanceId, creditUntil),
                creditUntil == null ? "attendancePages.closedWithout" : "attendancePages.closedCredited");
        return "redirect:/admin/shifts/" + id + "/attendance";
    }

    /** Where the organiser's QR code leads: the shift, and one button. */
    @GetMapping("/attend/{code}")
    String scanned(@PathVariable String code, Model model) {
        model.addAttribute("code", code);
        try {
            model.addAttribute("scan", attendance.scan(code));
        } catch (Problem refused) {
            model.addAttribute("refusal", problems.of(refused).getDetail());
        }
        return "attendance/attend";
    }

    @PostMapping("/attend/{code}")
    String attend(@PathVariable String code, @RequestParam(defaultValue = "in") String action,
            @RequestParam(required = false) Double lat, @RequestParam(required = false) Double lon,
            @RequestParam(required = false) Double accuracy, Model model) {
        model.addAttribute("code", code);
        Position position = new Position(lat, lon, accuracy);
        try {
            AttendanceView done = "out".equals(action) ? attendance.checkOut(code, position)
                    : attendance.checkIn(code, position);
            model.addAttribute("done", done);
            model.addAttribute("scan", attendance.scan(code));
        } catch (Problem refused) {
            model.addAttribute("refusal", problems.of(refused).getDetail());
            try {
                model.addAttribute("scan", attendance.scan(code));
            } catch (Problem expired) {
                // The code itself is no longer good: the refusal says what to do.
            }
        }
        return "attendance/attend";
    }

    private void addCode(long shiftId, Model model) {
        AttendanceCode code = attendance.code(shiftId);
        model.addAttribute("shiftId", shiftId);
        model.addAttribute("code", code);
        model.addAttribute("qr", QrCodes.dataUrl(code.url(), 360));
    }
}
