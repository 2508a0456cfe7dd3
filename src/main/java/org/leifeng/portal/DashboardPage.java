package org.leifeng.portal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.leifeng.platform.NotFound;
import org.leifeng.platform.WebPages;
import org.leifeng.reporting.DisplayLinks;
import org.leifeng.reporting.Figures;
import org.leifeng.reporting.Overview;
import org.leifeng.reporting.Ranking;
import org.leifeng.reporting.ReportExports;
import org.leifeng.reporting.ReportTable;
import org.leifeng.reporting.Reports;
import org.leifeng.reporting.Top;
import org.leifeng.reporting.Trend;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;


/**
 * 数据看板: the figures of the administrator's subtree with their change against the previous period, the twelve-month
 * trend, hours by category and the ranking of the direct children as ECharts charts (data in the page, drawn by
 * {@code /js/dashboard.js}), each table also below its chart and downloadable as .xlsx and CSV.
 */
@WebPages
class DashboardPage {

    private final Reports reports;
    private final ReportExports exports;
    private final Charts charts;
    private final DisplayLinks displayLinks;
    private final Flash flash;

    DashboardPage(Reports reports, ReportExports exports, Charts charts, DisplayLinks displayLinks, Flash flash) {
        this.reports = reports;
        this.exports = exports;
        this.charts = charts;
        this.displayLinks = displayLinks;
        this.flash = flash;
    }

    @PostMapping("/admin/dashboard/display-links")
    String createLink(@RequestParam long organisationId, @RequestParam(defaultValue = "") String label,
            RedirectAttributes redirect) {
        DisplayLinks.Created created = flash.attempt(redirect,
                () -> displayLinks.create(organisationId, OrganiserActivityPages.clip(label, 100)),
                "dashboard.linkCreated");
        if (created != null) {
            redirect.addFlashAttribute("newLink", created.url());
        }
        return "redirect:/admin/dashboard?organisationId=" + organisationId + "#display-links";
    }

    @PostMapping("/admin/dashboard/display-links/{id}/revoke")
    String revokeLink(@PathVariable long id, RedirectAttributes redirect) {
        flash.attempt(redirect, () -> {
            displayLinks.revoke(id);
            return id;
        }, "dashboard.linkRevoked");
        return "redirect:/admin/dashboard#display-links";
    }

    /** The big screen (数据大屏) behind a display link: no sign-in; dark, large, refreshing itself every minute. */
    @GetMapping("/screen/{token}")
    String screen(@PathVariable String token, Model model) {
        DisplayLinks.Screen screen = displayLinks.screen(token);
        model.addAttribute("overview", screen.overview());
        model.addAttribute("ranking", screen.ranking());
        model.addAttribute("trendChart", charts.trend(screen.trend()));
        model.addAttribute("categoryChart", charts.categories(screen.overview()));
        model.addAttribute("rankingChart", charts.ranking(screen.ranking()));
        return "dashboard/screen";
    }

    @GetMapping("/admin/dashboard")
    String dashboard(@RequestParam(required = false) Long organisationId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        Overview overview = reports.overview(organisationId, from, to);
        Ranking ranking = reports.ranking(overview.organisationId(), overview.from(), overview.to(), null);
        Trend trend = reports.trend(overview.organisationId());
        model.addAttribute("overview", overview);
        model.addAttribute("ranking", ranking);
        model.addAttribute("trend", trend);
        model.addAttribute("changes", changes(overview.figures(), overview.previous()));
        model.addAttribute("trendChart", charts.trend(trend));
        model.addAttribute("categoryChart", charts.categories(overview));
        model.addAttribute("rankingChart", charts.ranking(ranking));
        model.addAttribute("displayLinks", displayLinks.mine());
        model.addAttribute("top", reports.top(overview.organisationId(), overview.from(), overview.to()));
        model.addAttribute("starChart", charts.stars(overview));
        return "dashboard/dashboard";
    }

    @GetMapping("/admin/dashboard/{table}.{format}")
    ResponseEntity<StreamingResponseBody> export(@PathVariable String table, @PathVariable String format,
            @RequestParam(required = false) Long organisationId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        boolean xlsx = "xlsx".equals(format);
        if (!xlsx && !"csv".equals(format)) {
            throw new NotFound("report", table + "." + format);
        }
        ReportTable rows = switch (table) {
            case "ranking" -> rankingTable(reports.ranking(organisationId, from, to, null));
            case "trend" -> trendTable(reports.trend(organisationId));
            case "categories" -> categoryTable(reports.overview(organisationId, from, to));
            case "top-activities" -> topTable(reports.top(organisationId, from, to).activities(), "dashboard.topActivities");
            case "top-teams" -> topTable(reports.top(organisationId, from, to).teams(), "dashboard.topTeams");
            case "records" -> new ReportTable(text("dashboard.records"), List.of(text("dashboard.serviceDate"),
                    text("dashboard.volunteerNumber"), text("dashboard.volunteerName"), text("dashboard.organisation"),
                    text("dashboard.activity"), text("dashboard.servedFrom"), text("dashboard.servedUntil"),
                    text("dashboard.hours")), reports.records(organisationId, from, to));
            default -> throw new NotFound("report", table);
        };
        String filename = rows.name() + "." + format;
        return ResponseEntity.ok()
                .contentType(xlsx ? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        : MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(out -> {
                    if (xlsx) {
                        exports.xlsx(rows, out);
                    } else {
                        exports.csv(rows, out);
                    }
                });
    }

    private ReportTable rankingTable(Ranking ranking) {
        List<List<Object>> rows = ranking.items().stream().map(item -> List.<Object>of(charts.name(item), item.serviceHours(),
                item.activeVolunteers(), item.volunteers(), item.hoursPerVolunteer())).toList();
        return ReportTable.of(text("dashboard.ranking"), List.of(text("dashboard.organisation"),
                text("dashboard.serviceHours"), text("dashboard.activeVolunteers"), text("dashboard.volunteers"),
                text("dashboard.hoursPerVolunteer")), rows);
    }

    private ReportTable trendTable(Trend trend) {
        List<List<Object>> rows = trend.months().stream().map(point -> List.<Object>of(point.month(),
                point.serviceHours(), point.activeVolunteers())).toList();
        return ReportTable.of(text("dashboard.trend"), List.of(text("dashboard.month"), text("dashboard.serviceHours"),
                text("dashboard.activeVolunteers")), rows);
    }

    private ReportTable categoryTable(Overview overview) {
        List<List<Object>> rows = overview.hoursByCategory().entrySet().stream()
                .map(entry -> List.<Object>of(text("category." + entry.getKey()), entry.getValue())).toList();
        return ReportTable.of(text("dashboard.categories"), List.of(text("dashboard.category"),
                text("dashboard.serviceHours")), rows);
    }

    private ReportTable topTable(List<Top.Item> items, String name) {
        List<List<Object>> rows = items.stream().map(item -> List.<Object>of(item.name(), item.serviceHours(),
                item.participations())).toList();
        return ReportTable.of(text(name), List.of(text("dashboard.name"), text("dashboard.serviceHours"),
                text("dashboard.participations")), rows);
    }

    /**
     * Change against the previous period in percent, signed ("+12.5", "-3.0"), per figure; null where the previous
     * period had none.
     */
    private static Map<String, String> changes(Figures now, Figures before) {
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("serviceHours", percent(now.serviceHours(), before.serviceHours()));
        changes.put("activeVolunteers", percent(BigDecimal.valueOf(now.activeVolunteers()), BigDecimal.valueOf(before.activeVolunteers())));
        changes.put("participations", percent(BigDecimal.valueOf(now.participations()), BigDecimal.valueOf(before.participations())));
        changes.put("activities", percent(BigDecimal.valueOf(now.activities()), BigDecimal.valueOf(before.activities())));
        changes.put("newRegistrations", percent(BigDecimal.valueOf(now.newRegistrations()), BigDecimal.valueOf(before.newRegistrations())));
        return changes;
    }

    private static String percent(BigDecimal now, BigDecimal before) {
        if (before.signum() == 0) {
            return null;
        }
        BigDecimal change = now.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before, 1, RoundingMode.HALF_UP);
        return (change.signum() > 0 ? "+" : "") + change.toPlainString();
    }

    private String text(String code) {
        return charts.text(code);
    }
}
