package org.leifeng.reporting;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Figures per API.md; {@code from} and {@code to} are days (Asia/Shanghai), both included. */
@RestController
@RequestMapping("/api/v1/stats")
class ReportingController {

    private final Reports reports;

    ReportingController(Reports reports) {
        this.reports = reports;
    }

    @GetMapping("/overview")
    Overview overview(@RequestParam(required = false) @Positive Long organisationId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return reports.overview(organisationId, from, to);
    }

    @GetMapping("/ranking")
    Ranking ranking(@RequestParam(required = false) @Positive Long organisationId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @Size(max = 20) String by) {
        return reports.ranking(organisationId, from, to, by);
    }

    @GetMapping("/top")
    Top top(@RequestParam(required = false) @Positive Long organisationId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return reports.top(organisationId, from, to);
    }

    @GetMapping("/trend")
    Trend trend(@RequestParam(required = false) @Positive Long organisationId) {
        return reports.trend(organisationId);
    }

    @GetMapping("/reconciliation")
    Reconciliation reconciliation() {
        return reports.reconcileAsAdministrator();
    }

    @PostMapping("/rebuild")
    Reconciliation rebuild() {
        return reports.rebuildAsAdministrator();
    }
}
