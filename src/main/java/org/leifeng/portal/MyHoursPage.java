package org.leifeng.portal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

import org.leifeng.hours.Certificates;
import org.leifeng.hours.Hours;
import org.leifeng.hours.VolunteerHours;
import org.leifeng.platform.Forbidden;
import org.leifeng.platform.QrCodes;
import org.leifeng.platform.WebPages;
import org.leifeng.volunteer.VolunteerProfile;
import org.leifeng.volunteer.Volunteers;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 我的时长: a volunteer's total, star level and progress to the next, every record with its status, disputes and
 * their answers, and certificates to issue and download.
 */
@WebPages
class MyHoursPage {

    private final Hours hours;
    private final Certificates certificates;
    private final Volunteers volunteers;
    private final Flash flash;

    MyHoursPage(Hours hours, Certificates certificates, Volunteers volunteers, Flash flash) {
        this.hours = hours;
        this.certificates = certificates;
        this.volunteers = volunteers;
        this.flash = flash;
    }

    @GetMapping("/account/hours")
    String page(Model model) {
        VolunteerProfile me = me();
        VolunteerHours mine = hours.of(me.id());
        model.addAttribute("me", me);
        model.addAttribute("hours", mine);
        model.addAttribute("progress", progress(mine));
        model.addAttribute("certificates", certificates.of(me.id()));
        model.addAttribute("personalQr", QrCodes.dataUrl(me.volunteerNumber(), 240));
        return "hours/mine";
    }

    @PostMapping("/account/hours/certificates")
    String issue(RedirectAttributes redirect) {
        long me = me().id();
        flash.attempt(redirect, () -> certificates.issue(me), "hoursPages.certificateIssued");
        return "redirect:/account/hours#certificates";
    }

    @GetMapping("/account/certificates/{number}.pdf")
    ResponseEntity<byte[]> download(@PathVariable String number) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("志愿服务记录证明-" + number + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(certificates.pdf(number));
    }

    @PostMapping("/account/hours/records/{id}/dispute")
    String dispute(@PathVariable long id, @RequestParam(defaultValue = "") String comment, RedirectAttributes redirect) {
        if (comment.isBlank()) {
            flash.error(redirect, "hoursPages.commentRequired");
        } else {
            flash.attempt(redirect, () -> hours.dispute(id, OrganiserActivityPages.clip(comment, 500)),
                    "hoursPages.disputeSent");
        }
        return "redirect:/account/hours";
    }

    private VolunteerProfile me() {
        return volunteers.ofCurrentCaller()
                .orElseThrow(() -> new Forbidden("hours.onlyVolunteers", "This page is for registered volunteers."));
    }

    /** Percent of the way from the last level reached to the next; 100 at the top. */
    static int progress(VolunteerHours hours) {
        if (hours.nextLevelAt() == null) {
            return 100;
        }
        return hours.totalHours().multiply(BigDecimal.valueOf(100))
                .divide(hours.nextLevelAt(), 0, RoundingMode.DOWN).intValue();
    }
}
