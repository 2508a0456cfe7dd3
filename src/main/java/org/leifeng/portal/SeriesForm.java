package org.leifeng.portal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

import org.leifeng.activity.NewSeries;
import org.leifeng.platform.Problem;

/**
 * The regular-shifts form: weekly on chosen days or monthly on a day of the month, from a day until a day, with a
 * start time, a duration and places. The choices become an RRULE of the subset the activity module reads; the
 * module decides whether it is acceptable.
 */
record SeriesForm(String frequency, String[] weekdays, String monthDay, String startsOn, String until,
        String startTime, String durationMinutes, String capacity, String position) {

    /** The request's property paths ({@link NewSeries}) and the fields that show them; the rule is the choices. */
    private static final Map<String, String> FIELDS = Map.of("startTime", "startTime", "durationMinutes",
            "durationMinutes", "capacity", "capacity", "position", "position", "startsOn", "startsOn");

    static SeriesForm blank() {
        return new SeriesForm("WEEKLY", new String[0], "", "", "", "09:00", "120", "10", "");
    }

    SeriesForm {
        frequency = "MONTHLY".equals(frequency) ? "MONTHLY" : "WEEKLY";
        weekdays = weekdays == null ? new String[0] : weekdays;
    }

    public boolean monthly() {
        return "MONTHLY".equals(frequency);
    }

    public boolean onDay(String day) {
        return Arrays.asList(weekdays).contains(day);
    }

    NewSeries toNewSeries() {
        FormReader read = new FormReader();
        StringBuilder rule = new StringBuilder("FREQ=").append(frequency);
        if (monthly()) {
            Integer day = read.whole("monthDay", monthDay);
            if (day != null) {
                rule.append(";BYMONTHDAY=").append(day);
            }
        } else if (weekdays.length > 0) {
            rule.append(";BYDAY=").append(String.join(",", weekdays));
        }
        LocalDate last = read.date("until", until);
        if (last != null) {
            rule.append(";UNTIL=").append(last.toString().replace("-", ""));
        }
        NewSeries series = new NewSeries(rule.toString(), read.time("startTime", startTime),
                read.whole("durationMinutes", durationMinutes), read.whole("capacity", capacity),
                FormReader.text(position), read.date("startsOn", startsOn), null);
        read.done();
        return series;
    }

    /**
     * The field that shows an error of the module's request. The person chose days, not an RRULE: a refused rule
     * is shown at the choice that makes it (the days of a weekly series, the day of a monthly one) in those terms.
     */
    Problem.FieldError field(Problem.FieldError error) {
        if ("rrule".equals(error.field())) {
            return monthly() ? new Problem.FieldError("monthDay", "activityPages.series.pickMonthDay")
                    : new Problem.FieldError("weekdays", "activityPages.series.pickWeekdays");
        }
        String field = FIELDS.get(error.field());
        return new Problem.FieldError(field == null ? error.field() : field, error.message());
    }
}
