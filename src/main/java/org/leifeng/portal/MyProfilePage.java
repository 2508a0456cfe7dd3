package org.leifeng.portal;

import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.leifeng.platform.NotFound;
import org.leifeng.platform.QrCodes;
import org.leifeng.platform.WebPages;
import org.leifeng.volunteer.ProfileChange;
import org.leifeng.volunteer.VolunteerExport;
import org.leifeng.volunteer.VolunteerProfile;
import org.leifeng.volunteer.Volunteers;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A volunteer's own page: their profile, changes to it, their data to download, and leaving. */
@WebPages
@RequestMapping("/account/profile")
class MyProfilePage {

    private final Volunteers volunteers;
    private final Flash flash;

    MyProfilePage(Volunteers volunteers, Flash flash) {
        this.volunteers = volunteers;
        this.flash = flash;
    }

    @GetMapping
    String profile(Model model) {
        var me = volunteers.ofCurrentCaller().orElse(null);
        model.addAttribute("volunteer", me);
        model.addAttribute("skills", volunteers.skillCatalogue());
        // The personal code organisers scan at their kiosk to check the volunteer in or out.
        model.addAttribute("personalQr", me == null ? null : QrCodes.dataUrl(me.volunteerNumber(), 200));
        return "profile";
    }

    @PostMapping
    String save(@RequestParam(required = false) List<String> skills, @RequestParam(defaultValue = "") String tags,
            @RequestParam(defaultValue = "") String emergencyName, @RequestParam(defaultValue = "") String emergencyPhone,
            @RequestParam(defaultValue = "") String emergencyRelation, RedirectAttributes redirect) {
        VolunteerProfile me = current();
        ProfileChange.EmergencyContact contact = emergencyName.isBlank() && emergencyPhone.isBlank() ? null
                : new ProfileChange.EmergencyContact(emergencyName, emergencyPhone, emergencyRelation);
        List<String> tagList = Arrays.stream(tags.split("[,，、]")).map(String::strip).filter(tag -> !tag.isEmpty())
                .toList();
        flash.attempt(redirect, () -> volunteers.updateProfile(me.id(), new ProfileChange(skills, tagList,
                me.serviceAreaIds(), me.availability(), contact)), "me.saved");
        return "redirect:/account/profile";
    }

    @GetMapping("/export")
    ResponseEntity<VolunteerExport> export() {
        VolunteerProfile me = current();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"leifeng-volunteer-" + me.id() + ".json\"")
                .body(volunteers.export(me.id()));
    }

    @PostMapping("/close")
    String close(@RequestParam(defaultValue = "false") boolean confirm, HttpServletRequest request,
            RedirectAttributes redirect) {
        VolunteerProfile me = current();
        if (!confirm) {
            flash.error(redirect, "problem.invalidInput");
            return "redirect:/account/profile";
        }
        volunteers.close(me.id());
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return "redirect:/?closed";
    }

    private VolunteerProfile current() {
        return volunteers.ofCurrentCaller().orElseThrow(() -> new NotFound("volunteer", "me"));
    }
}
