package org.leifeng.portal;

import org.leifeng.hours.Certificates;
import org.leifeng.platform.NotFound;
import org.leifeng.platform.WebPages;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The public page behind the QR code on every certificate: anyone, signed in or not, sees whether the number belongs
 * to a valid certificate, a superseded one, or none, with the masked name, hours, issuers and date — nothing more.
 */
@WebPages
class VerifyCertificatePage {

    private final Certificates certificates;

    VerifyCertificatePage(Certificates certificates) {
        this.certificates = certificates;
    }

    @GetMapping("/verify")
    String form(@RequestParam(required = false) String number) {
        return number == null || number.isBlank() ? "verify" : "redirect:/verify/" + number.strip();
    }

    @GetMapping("/verify/{number}")
    String verify(@PathVariable String number, HttpServletRequest request, Model model) {
        model.addAttribute("number", number.length() > 40 ? number.substring(0, 40) : number);
        try {
            model.addAttribute("certificate", certificates.verify(number, request.getRemoteAddr()));
        } catch (NotFound unknown) {
            model.addAttribute("unknown", true);
        }
        return "verify";
    }
}
