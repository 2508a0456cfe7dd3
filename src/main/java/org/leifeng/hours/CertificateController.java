package org.leifeng.hours;

import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Certificates per API.md: issue, list, download; and the public verification of a number. */
@RestController
@RequestMapping("/api/v1")
class CertificateController {

    private final Certificates certificates;

    CertificateController(Certificates certificates) {
        this.certificates = certificates;
    }

    @PostMapping("/volunteers/{id}/certificates")
    @ResponseStatus(HttpStatus.CREATED)
    CertificateIssued issue(@PathVariable @Positive long id) {
        return certificates.issue(id);
    }

    @GetMapping("/volunteers/{id}/certificates")
    List<CertificateIssued> list(@PathVariable @Positive long id) {
        return certificates.of(id);
    }

    @GetMapping(value = "/certificates/{number}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable @Size(max = 40) String number) {
        byte[] pdf = certificates.pdf(number);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename("certificate-" + number + ".pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(pdf);
    }

    @GetMapping("/public/certificates/{number}")
    CertificateVerification verify(@PathVariable @Size(max = 40) String number, HttpServletRequest request) {
        return certificates.verify(number, request.getRemoteAddr());
    }
}
