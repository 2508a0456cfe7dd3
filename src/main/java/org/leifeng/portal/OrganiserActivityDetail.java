package org.leifeng.portal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.leifeng.activity.Activities;
import org.leifeng.activity.ActivityStatus;
import org.leifeng.activity.ActivityView;
import org.leifeng.activity.SeriesView;
import org.leifeng.activity.ShiftSeries;
import org.leifeng.activity.ShiftView;
import org.leifeng.identity.AccessControl;
import org.leifeng.identity.Role;
import org.leifeng.organisation.Teams;
import org.leifeng.platform.Forbidden;
import org.leifeng.platform.NotFound;
import org.leifeng.volunteer.VolunteerProfile;
import org.leifeng.volunteer.Volunteers;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * One activity as its organisers see it: every field, the shifts with a form each, the regular series and the forms
 * to add shifts and series. Pages that refuse one of those forms show this page again with what was typed in it.
 */
@Component
class OrganiserActivityDetail {

    static final String VIEW = "admin/activities/detail";

    private final Activities activities;
    private final ShiftSeries series;
    private final Teams teams;
    private final Volunteers volunteers;
    private final AccessControl access;
    private final MessageSource messages;
    private final Clock clock;

    OrganiserActivityDetail(Activities activities, ShiftSeries series, Teams teams, Volunteers volunteers,
            AccessControl access, MessageSource messages, Clock clock) {
        this.activities = activities;
        this.series = series;
        this.teams = teams;
        this.volunteers = volunteers;
        this.access = access;
        this.messages = messages;
        this.clock = clock;
    }

    /** The activity, for its organisers only: 403 for others (a draft is 404 for them, as everywhere). */
    ActivityView organised(long id) {
        ActivityView activity = activities.get(id);
        if (!access.holds(Role.TEAM_LEADER, activity.organisationId())) {
            throw new Forbidden("problem.adminOnly", "Only the activity's organisers use this page.");
        }
        return activity;
    }

    /** The shift of the activity, or 404: a form of one activity's page never changes another's shift. */
    ShiftView shiftOf(ActivityView activity, long shiftId) {
        return activity.shifts().stream().filter(shift -> shift.id() == shiftId).findFirst()
                .orElseThrow(() -> new NotFound("shift", shiftId));
    }

    /**
     * Fills the page's model. Forms that a refusal put into the model already (with what was typed) stay as they
     * are; the others start from the activity.
     */
    String show(long id, Model model) {
        ActivityView activity = organised(id);
        List<SeriesView> plans = series.ofActivity(id);
        model.addAttribute("activity", activity);
        model.addAttribute("changeable", activity.status() == ActivityStatus.DRAFT
                || activity.status() == ActivityStatus.PUBLISHED);
        model.addAttribute("series", plans.stream().map(plan -> new SeriesRow(plan, describe(plan))).toList());
        Map<Long, Long> seriesOfShift = new HashMap<>();
        plans.forEach(plan -> plan.shifts().forEach(shift -> seriesOfShift.put(shift.id(), plan.id())));
        model.addAttribute("seriesOfShift", seriesOfShift);
        model.addAttribute("teamName", teamName(activity));
        model.addAttribute("skillNames", skillNames(activity.requiredSkills()));
        model.addAttribute("now", OffsetDateTime.now(clock));
        Map<Long, ShiftForm> shiftForms = new LinkedHashMap<>();
        activity.shifts().forEach(shift -> shiftForms.put(shift.id(), ShiftForm.of(shift)));
        if (model.getAttribute("editedShift") instanceof Long edited && model.getAttribute("shiftForm") instanceof ShiftForm typed) {
            shiftForms.put(edited, typed);
        }
        model.addAttribute("shiftForms", shiftForms);
        if (!model.containsAttribute("addShift")) {
            model.addAttribute("addShift", ShiftForm.blank());
        }
        if (!model.containsAttribute("seriesForm")) {
            model.addAttribute("seriesForm", SeriesForm.blank());
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
        }
        return VIEW;
    }

    /** The organising team's name, or null for an activity of the organisation as a whole. */
    String teamName(ActivityView activity) {
        return activity.teamId() == null ? null : teams.namesOf(List.of(activity.teamId())).get(activity.teamId());
    }

    /** The skills' names in the reader's language, in the order the activity lists them. */
    List<String> skillNames(List<String> codes) {
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        Map<String, String> names = volunteers.skillCatalogue().stream().collect(Collectors.toMap(
                VolunteerProfile.Skill::code, skill -> english ? skill.nameEn() : skill.nameZh()));
        return codes.stream().map(code -> names.getOrDefault(code, code)).toList();
    }

    /** A series in words ("每周六", "Every month on day 5"); rules the form cannot make show as written. */
    private String describe(SeriesView plan) {
        Map<String, String> parts = new HashMap<>();
        for (String part : plan.rrule().split(";")) {
            String[] pair = part.split("=", 2);
            parts.put(pair[0], pair.length == 2 ? pair[1] : "");
        }
        if (parts.containsKey("INTERVAL") || parts.containsKey("COUNT")) {
            return plan.rrule();
        }
        String words = "MONTHLY".equals(parts.get("FREQ"))
                ? message("activityPages.series.everyMonth", parts.getOrDefault("BYMONTHDAY", ""))
                : message("activityPages.series.everyWeek", Arrays.stream(parts.getOrDefault("BYDAY", "").split(","))
                        .map(day -> message("activityPages.series.day." + day))
                        .collect(Collectors.joining(message("activityPages.series.daySeparator"))));
        String until = parts.get("UNTIL");
        return until == null || until.length() < 8 ? words : words + message("activityPages.series.untilDay",
                until.substring(0, 4) + "-" + until.substring(4, 6) + "-" + until.substring(6, 8));
    }

    private String message(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }

    /** A series with its description in words. */
    record SeriesRow(SeriesView plan, String description) {
    }
}
