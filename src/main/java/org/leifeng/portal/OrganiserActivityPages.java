package org.leifeng.portal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.leifeng.activity.Activities;
import org.leifeng.activity.ActivityChange;
import org.leifeng.activity.ActivityView;
import org.leifeng.activity.Approval;
import org.leifeng.activity.Category;
import org.leifeng.activity.NewActivity;
import org.leifeng.activity.NewSeries;
import org.leifeng.activity.NewShift;
import org.leifeng.activity.ShiftSeries;
import org.leifeng.activity.SignUps;
import org.leifeng.activity.SignupStatus;
import org.leifeng.identity.AccessControl;
import org.leifeng.identity.Role;
import org.leifeng.organisation.Organisations;
import org.leifeng.organisation.Team;
import org.leifeng.organisation.Teams;
import org.leifeng.platform.Forbidden;
import org.leifeng.platform.PageRequest;
import org.leifeng.platform.Problem;
import org.leifeng.platform.ProblemDetails;
import org.leifeng.volunteer.Volunteers;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Activities for their organisers (administrators and team leaders): the list of their scope, the editor, one
 * activity with its shifts, and each shift's sign-ups. Every rule is the activity module's; the pages gather fields.
 */
@Controller
class OrganiserActivityPages {

    private static final int MAX_ORGANISATIONS = 500;

    private final Activities activities;
    private final SignUps signUps;
    private final AccessControl access;
    private final Organisations organisations;
    private final Validator validator;
    private final ProblemDetails problems;
    private final MessageSource messages;
    private final Flash flash;
    private final Teams teams;
    private final Volunteers volunteers;
    private final ShiftSeries series;

    OrganiserActivityPages(Teams teams, Volunteers volunteers, ShiftSeries series, Activities activities, SignUps signUps,
            AccessControl access, Organisations organisations,
            Validator validator, ProblemDetails problems, MessageSource messages, Flash flash) {
        this.activities = activities;
        this.signUps = signUps;
        this.access = access;
        this.organisations = organisations;
        this.validator = validator;
        this.problems = problems;
        this.messages = messages;
        this.flash = flash;
        this.teams = teams;
        this.volunteers = volunteers;
        this.series = series;
    }

    @GetMapping("/admin/activities")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        requireOrganiser();
        model.addAttribute("activities", activities.organisedBy(new PageRequest(Math.max(page, 0), 50)));
        return "admin/activities/list";
    }

    @GetMapping("/admin/activities/new")
    String editor(Model model) {
        requireOrganiser();
        return editorPage(ActivityForm.empty(), null, model);
    }

    /** One more empty shift row for the editor, fetched with htmx. */
    @GetMapping("/admin/activities/shift-row")
    String shiftRow(Model model) {
        requireOrganiser();
        model.addAttribute("shiftRows", List.of(new ShiftFields("", "", "", "", "")));
        return "admin/activities/editor :: shiftRow";
    }

    @PostMapping("/admin/activities")
    String create(@ModelAttribute ActivityForm form, Model model, RedirectAttributes redirect) {
        requireOrganiser();
        NewActivity request;
        try {
            request = form.toNewActivity();
        } catch (RuntimeException unreadable) {
            return editorPage(form, message("problem.invalidInput"), model);
        }
        Set<ConstraintViolation<NewActivity>> violations = validator.validate(request);
        if (!violations.isEmpty() || request.shifts().isEmpty()) {
            String reason = violations.isEmpty() ? message("activityPages.editor.oneShift")
                    : violations.stream().map(ConstraintViolation::getMessage).distinct()
                            .reduce((a, b) -> a + "；" + b).orElseThrow();
            return editorPage(form, reason, model);
        }
        try {
            ActivityView created = activities.create(request);
            flash.attempt(redirect, () -> created, "activityPages.created", created.title());
            return "redirect:/admin/activities/" + created.id();
        } catch (Problem problem) {
            return editorPage(form, problems.of(problem).getDetail(), model);
        }
    }

    @GetMapping("/admin/activities/{id}")
    String detail(@PathVariable long id, Model model) {
        ActivityView activity = organised(id);
        model.addAttribute("activity", activity);
        model.addAttribute("series", series.ofActivity(id));
        return "admin/activities/detail";
    }

    /** The editor again for an activity that exists: everything but its organiser, team and shifts can change. */
    @GetMapping("/admin/activities/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        ActivityView activity = organised(id);
        model.addAttribute("activityId", id);
        return editorPage(ActivityForm.of(activity), null, model);
    }

    @PostMapping("/admin/activities/{id}/edit")
    String update(@PathVariable long id, @ModelAttribute ActivityForm form, Model model, RedirectAttributes redirect) {
        organised(id);
        model.addAttribute("activityId", id);
        ActivityChange change;
        try {
            change = form.toChange();
        } catch (RuntimeException unreadable) {
            return editorPage(form, message("problem.invalidInput"), model);
        }
        Set<ConstraintViolation<ActivityChange>> violations = validator.validate(change);
        if (!violations.isEmpty()) {
            return editorPage(form, violations.stream().map(ConstraintViolation::getMessage).distinct()
                    .reduce((a, b) -> a + "；" + b).orElseThrow(), model);
        }
        try {
            activities.update(id, change);
            flash.attempt(redirect, () -> id, "activityPages.saved");
            return "redirect:/admin/activities/" + id;
        } catch (Problem problem) {
            return editorPage(form, problems.of(problem).getDetail(), model);
        }
    }

    /**
     * A weekly or monthly series of shifts (regular service, 常态化): the form's choices become an RRULE of the subset
     * {@code RecurrenceRule} reads; the activity module checks it.
     */
    @PostMapping("/admin/activities/{id}/series")
    String addSeries(@PathVariable long id, @ModelAttribute SeriesFields fields, RedirectAttributes redirect) {
        organised(id);
        NewSeries request = fields.toNewSeries();
        if (request == null || !validator.validate(request).isEmpty()) {
            flash.error(redirect, "activityPages.series.invalid");
        } else {
            flash.attempt(redirect, () -> series.create(id, request), "activityPages.series.created");
        }
        return "redirect:/admin/activities/" + id;
    }

    @PostMapping("/admin/activities/{id}/series/{seriesId}/end")
    String endSeries(@PathVariable long id, @PathVariable long seriesId, @RequestParam(defaultValue = "") String lastDate,
            RedirectAttributes redirect) {
        organised(id);
        LocalDate last;
        try {
            last = lastDate.isBlank() ? LocalDate.now(ActivityPages.CITY_TIME) : LocalDate.parse(lastDate.strip());
        } catch (RuntimeException unreadable) {
            flash.error(redirect, "activityPages.series.invalid");
            return "redirect:/admin/activities/" + id;
        }
        flash.attempt(redirect, () -> series.end(seriesId, last), "activityPages.series.ended");
        return "redirect:/admin/activities/" + id;
    }

    @PostMapping("/admin/activities/{id}/publish")
    String publish(@PathVariable long id, RedirectAttributes redirect) {
        flash.attempt(redirect, () -> activities.publish(id), "activityPages.published");
        return "redirect:/admin/activities/" + id;
    }

    /** How many people the held activity served (服务对象人次), for the figures leaders see. */
    @PostMapping("/admin/activities/{id}/people-served")
    String peopleServed(@PathVariable long id, @RequestParam(defaultValue = "") String people, RedirectAttributes redirect) {
        Integer count;
        try {
            count = Integer.valueOf(people.strip());
        } catch (NumberFormatException unreadable) {
            count = null;
        }
        if (count == null || count < 0) {
            flash.error(redirect, "activityPages.peopleServedInvalid");
        } else {
            int recorded = count;
            flash.attempt(redirect, () -> activities.recordPeopleServed(id, recorded), "activityPages.peopleServedSaved");
        }
        return "redirect:/admin/activities/" + id;
    }

    @PostMapping("/admin/activities/{id}/cancel")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        flash.attempt(redirect, () -> activities.cancel(id), "activityPages.activityCancelled");
        return "redirect:/admin/activities/" + id;
    }

    @PostMapping("/admin/activities/{id}/shifts")
    String addShift(@PathVariable long id, @ModelAttribute ShiftFields shift, RedirectAttributes redirect) {
        NewShift parsed = parse(shift);
        if (parsed == null || !validator.validate(parsed).isEmpty()) {
            flash.error(redirect, "activityPages.editor.shiftInvalid");
        } else {
            flash.attempt(redirect, () -> activities.addShift(id, parsed), "activityPages.shiftAdded");
        }
        return "redirect:/admin/activities/" + id;
    }

    @PostMapping("/admin/activities/{id}/shifts/{shiftId}")
    String editShift(@PathVariable long id, @PathVariable long shiftId, @ModelAttribute ShiftFields fields,
            RedirectAttributes redirect) {
        organised(id).shifts().stream().filter(s -> s.id() == shiftId).findFirst()
                .orElseThrow(() -> new org.leifeng.platform.NotFound("shift", shiftId));
        NewShift change = parse(fields);
        if (change == null || !validator.validate(change).isEmpty()) {
            flash.error(redirect, "activityPages.editor.shiftInvalid");
        } else {
            flash.attempt(redirect, () -> activities.editShift(shiftId, change), "activityPages.shiftSaved");
        }
        return "redirect:/admin/activities/" + id;
    }

    @PostMapping("/admin/activities/{id}/shifts/{shiftId}/cancel")
    String cancelShift(@PathVariable long id, @PathVariable long shiftId, RedirectAttributes redirect) {
        flash.attempt(redirect, () -> activities.cancelShift(shiftId), "activityPages.shiftCancelledNotice");
        return "redirect:/admin/activities/" + id;
    }

    @GetMapping("/admin/shifts/{shiftId}/signups")
    String signups(@PathVariable long shiftId, Model model) {
        var held = signUps.ofShift(shiftId, null, new PageRequest(0, PageRequest.MAX_SIZE));
        var waiting = signUps.ofShift(shiftId, SignupStatus.WAITLISTED, new PageRequest(0, PageRequest.MAX_SIZE));
        ActivityView activity = held.items().isEmpty() && waiting.items().isEmpty() ? null
                : activities.get((held.items().isEmpty() ? waiting : held).items().get(0).activityId());
        model.addAttribute("shiftId", shiftId);
        model.addAttribute("activity", activity);
        model.addAttribute("signups", held.items().stream().filter(s -> s.status() != SignupStatus.WAITLISTED).toList());
        model.addAttribute("waiting", waiting.items());
        model.addAttribute("total", held.total());
        return "admin/activities/signups";
    }

    @PostMapping("/admin/shifts/{shiftId}/signups/{id}/approve")
    String approve(@PathVariable long shiftId, @PathVariable long id, RedirectAttributes redirect) {
        flash.attempt(redirect, () -> signUps.approve(id), "activityPages.approved");
        return "redirect:/admin/shifts/" + shiftId + "/signups";
    }

    @PostMapping("/admin/shifts/{shiftId}/signups/{id}/reject")
    String reject(@PathVariable long shiftId, @PathVariable long id, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        if (reason.isBlank()) {
            flash.error(redirect, "activityPages.reasonRequired");
        } else {
            flash.attempt(redirect, () -> signUps.reject(id, clip(reason, 500)), "activityPages.rejected");
        }
        return "redirect:/admin/shifts/" + shiftId + "/signups";
    }

    @PostMapping("/admin/shifts/{shiftId}/signups/{id}/no-show")
    String noShow(@PathVariable long shiftId, @PathVariable long id, RedirectAttributes redirect) {
        flash.attempt(redirect, () -> signUps.markNoShow(id), "activityPages.markedNoShow");
        return "redirect:/admin/shifts/" + shiftId + "/signups";
    }

    private String editorPage(ActivityForm form, String error, Model model) {
        List<Long> scope = organisations.idsWithin(access.scopePaths(Role.TEAM_LEADER));
        model.addAttribute("form", form);
        model.addAttribute("shiftRows", form.shiftRows());
        model.addAttribute("organisationIds", scope.subList(0, Math.min(scope.size(), MAX_ORGANISATIONS)));
        model.addAttribute("categories", Category.values());
        model.addAttribute("teams", teams.search(null, "", new PageRequest(0, PageRequest.MAX_SIZE)).items().stream()
                .filter(Team::managedByCaller).filter(Team::active).toList());
        model.addAttribute("skills", volunteers.skillCatalogue());
        model.addAttribute("error", error);
        return "admin/activities/editor";
    }

    private ActivityView organised(long id) {
        ActivityView activity = activities.get(id);
        if (!access.holds(Role.TEAM_LEADER, activity.organisationId())) {
            throw new Forbidden("problem.adminOnly", "Only the activity's organisers use this page.");
        }
        return activity;
    }

    private void requireOrganiser() {
        access.caller();
        boolean organises = access.grants().stream().anyMatch(grant -> grant.role().satisfies(Role.TEAM_LEADER));
        if (!organises) {
            throw new Forbidden("problem.adminOnly", "Only administrators and team leaders use these pages.");
        }
    }

    private String message(String code) {
        return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
    }

    static NewShift parse(ShiftFields fields) {
        try {
            LocalDate day = LocalDate.parse(fields.date().strip());
            OffsetDateTime start = day.atTime(LocalTime.parse(fields.start().strip()))
                    .atZone(ActivityPages.CITY_TIME).toOffsetDateTime();
            OffsetDateTime end = day.atTime(LocalTime.parse(fields.end().strip()))
                    .atZone(ActivityPages.CITY_TIME).toOffsetDateTime();
            if (!end.isAfter(start)) {
                end = end.plusDays(1);
            }
            return new NewShift(start, end, Integer.valueOf(fields.capacity().strip()),
                    blankToNull(clip(fields.position(), 100)));
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    static String clip(String value, int length) {
        String stripped = value == null ? "" : value.strip();
        return stripped.length() > length ? stripped.substring(0, length) : stripped;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** One shift as typed: date, start, end (an end before the start is the next day), places, position. */
    record ShiftFields(String date, String start, String end, String capacity, String position) {
    }

    /** The series form: weekly on chosen days or monthly on a day of the month, from a date until a date. */
    record SeriesFields(String frequency, String[] weekdays, String monthDay, String startsOn, String until,
            String startTime, String durationMinutes, String capacity, String position) {

        NewSeries toNewSeries() {
            try {
                StringBuilder rule = new StringBuilder("FREQ=").append("MONTHLY".equals(frequency) ? "MONTHLY" : "WEEKLY");
                if ("MONTHLY".equals(frequency)) {
                    rule.append(";BYMONTHDAY=").append(Integer.parseInt(monthDay.strip()));
                } else {
                    if (weekdays == null || weekdays.length == 0) {
                        return null;
                    }
                    rule.append(";BYDAY=").append(String.join(",", weekdays));
                }
                if (until != null && !until.isBlank()) {
                    rule.append(";UNTIL=").append(LocalDate.parse(until.strip()).toString().replace("-", ""));
                }
                return new NewSeries(rule.toString(), LocalTime.parse(startTime.strip()),
                        Integer.valueOf(durationMinutes.strip()), Integer.valueOf(capacity.strip()),
                        blankToNull(clip(position, 100)),
                        startsOn == null || startsOn.isBlank() ? null : LocalDate.parse(startsOn.strip()), null);
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
    }

    /** The editor's fields as typed, kept to show the form again after a refusal. Shift fields repeat per row. */
    record ActivityForm(String title, String category, String organisationId, String team, String description,
            String address, String lat, String lon, String radius, String minAge, String maxAge, String approval,
            Boolean waitlist, Boolean insurance, Boolean teamOnly, String[] skills, String opensAt, String closesAt,
            String contactName, String contactPhone, String[] shiftDate, String[] shiftStart, String[] shiftEnd,
            String[] shiftCapacity, String[] shiftPosition) {

        private static final java.time.format.DateTimeFormatter LOCAL = java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd'T'HH:mm");

        static ActivityForm empty() {
            return new ActivityForm("", "COMMUNITY", "", "", "", "", "", "", "", "", "", "AUTO", true, false, false,
                    new String[0], "", "", "", "", new String[] {""}, new String[] {"09:00"}, new String[] {"11:00"},
                    new String[] {"10"}, new String[] {""});
        }

        /** The form of an existing activity, for editing its description. */
        static ActivityForm of(ActivityView activity) {
            NewActivity.Place place = activity.place();
            NewActivity.Contact contact = activity.contact();
            return new ActivityForm(activity.title(), activity.category().name(), String.valueOf(activity.organisationId()),
                    activity.teamId() == null ? "" : String.valueOf(activity.teamId()), activity.description(),
                    place == null ? "" : text(place.address()), place == null ? "" : text(place.lat()),
                    place == null ? "" : text(place.lon()), place == null ? "" : text(place.radiusMeters()),
                    text(activity.minAge()), text(activity.maxAge()), activity.approval().name(), activity.waitlist(),
                    activity.insuranceRequired(), activity.teamOnly(), activity.requiredSkills().toArray(String[]::new),
                    local(activity.recruitmentOpensAt()), local(activity.recruitmentClosesAt()),
                    contact == null ? "" : text(contact.name()), contact == null ? "" : text(contact.phone()),
                    new String[0], new String[0], new String[0], new String[0], new String[0]);
        }

        public boolean hasSkill(String code) {
            return skills != null && java.util.Arrays.asList(skills).contains(code);
        }

        List<ShiftFields> shiftRows() {
            List<ShiftFields> rows = new ArrayList<>();
            int count = shiftDate == null ? 0 : shiftDate.length;
            for (int i = 0; i < count; i++) {
                rows.add(new ShiftFields(at(shiftDate, i), at(shiftStart, i), at(shiftEnd, i), at(shiftCapacity, i),
                        at(shiftPosition, i)));
            }
            return rows.isEmpty() ? List.of(new ShiftFields("", "09:00", "11:00", "10", "")) : rows;
        }

        NewActivity toNewActivity() {
            List<NewShift> shifts = new ArrayList<>();
            for (ShiftFields row : shiftRows()) {
                boolean blank = row.date().isBlank() && row.position().isBlank();
                if (blank) {
                    continue;
                }
                NewShift shift = parse(row);
                if (shift == null) {
                    throw new IllegalArgumentException("shift");
                }
                shifts.add(shift);
            }
            return new NewActivity(clip(title, 200), Category.valueOf(category), Long.valueOf(organisationId.strip()),
                    team == null || team.isBlank() ? null : Long.valueOf(team.strip()), clip(description, 10_000),
                    place(), whole(minAge), whole(maxAge), skillList(), Boolean.TRUE.equals(insurance),
                    Boolean.TRUE.equals(teamOnly), instant(opensAt), instant(closesAt), Approval.valueOf(approval),
                    Boolean.TRUE.equals(waitlist), contact(), shifts);
        }

        ActivityChange toChange() {
            return new ActivityChange(clip(title, 200), Category.valueOf(category), clip(description, 10_000), place(),
                    whole(minAge), whole(maxAge), skillList(), Boolean.TRUE.equals(insurance), instant(opensAt),
                    instant(closesAt), Approval.valueOf(approval), Boolean.TRUE.equals(waitlist), contact());
        }

        private NewActivity.Place place() {
            Double latitude = decimal(lat);
            Double longitude = decimal(lon);
            Integer meters = whole(radius);
            String where = blankToNull(clip(address, 300));
            return where == null && latitude == null && longitude == null ? null
                    : new NewActivity.Place(where, latitude, longitude, meters);
        }

        private NewActivity.Contact contact() {
            String name = blankToNull(clip(contactName, 50));
            String phone = blankToNull(clip(contactPhone, 20));
            return name == null && phone == null ? null : new NewActivity.Contact(name, phone);
        }

        private List<String> skillList() {
            return skills == null ? List.of() : java.util.Arrays.stream(skills).filter(code -> !code.isBlank()).toList();
        }

        private static OffsetDateTime instant(String local) {
            return local == null || local.isBlank() ? null
                    : java.time.LocalDateTime.parse(local.strip()).atZone(ActivityPages.CITY_TIME).toOffsetDateTime();
        }

        private static String local(OffsetDateTime at) {
            return at == null ? "" : LOCAL.format(at.atZoneSameInstant(ActivityPages.CITY_TIME));
        }

        private static String text(Object value) {
            return value == null ? "" : value.toString();
        }

        private static String at(String[] values, int index) {
            return values != null && index < values.length && values[index] != null ? values[index] : "";
        }

        private static Double decimal(String value) {
            return value == null || value.isBlank() ? null : Double.valueOf(value.strip());
        }

        private static Integer whole(String value) {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        }
    }
}
