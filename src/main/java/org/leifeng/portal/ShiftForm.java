package org.leifeng.portal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.leifeng.activity.NewShift;
import org.leifeng.activity.ShiftView;
import org.leifeng.platform.Problem;

/**
 * One shift as typed: a day, start and end times in the city, whether it ends the next day, places and an optional
 * position. An end before the start is refused next to the end unless the form says the shift ends the next day, so
 * a typo never becomes an overnight shift. The same fields serve the editor's rows, adding a shift and changing one.
 */
record ShiftForm(String date, String start, String end, Boolean nextDay, String capacity, String position) {

    /** The request's property paths ({@link NewShift}) and the fields that show them. */
    private static final Map<String, String> FIELDS = Map.of("startsAt", "start", "endsAt", "end",
            "endAfterStartWithinADay", "end", "capacity", "capacity", "position", "position");

    static ShiftForm blank() {
        return new ShiftForm("", "09:00", "11:00", false, "10", "");
    }

    static ShiftForm of(ShiftView shift) {
        var starts = shift.startsAt().atZoneSameInstant(ActivityPages.CITY_TIME);
        var ends = shift.endsAt().atZoneSameInstant(ActivityPages.CITY_TIME);
        return new ShiftForm(starts.toLocalDate().toString(), starts.toLocalTime().toString(),
                ends.toLocalTime().toString(), ends.toLocalDate().isAfter(starts.toLocalDate()),
                String.valueOf(shift.capacity()),
                shift.position() == null ? "" : shift.position());
    }

    ShiftForm {
        date = date == null ? "" : date;
        start = start == null ? "" : start;
        end = end == null ? "" : end;
        // An unticked box sends nothing.
        nextDay = Boolean.TRUE.equals(nextDay);
        capacity = capacity == null ? "" : capacity;
        position = position == null ? "" : position;
    }

    boolean isBlank() {
        return date.isBlank() && position.isBlank();
    }

    /** The shift for the module; {@code name} gives each field's name in the form for what cannot be read. */
    NewShift toNewShift(FormReader read, UnaryOperator<String> name) {
        LocalDate day = read.date(name.apply("date"), date);
        LocalTime from = read.time(name.apply("start"), start);
        LocalTime until = read.time(name.apply("end"), end);
        Integer places = read.whole(name.apply("capacity"), capacity);
        if (day == null && !read.failed() && (from != null || until != null)) {
            read.missing(name.apply("date"));
        }
        OffsetDateTime startsAt = day == null || from == null ? null
                : day.atTime(from).atZone(ActivityPages.CITY_TIME).toOffsetDateTime();
        OffsetDateTime endsAt = day == null || until == null ? null
                : day.atTime(until).atZone(ActivityPages.CITY_TIME).toOffsetDateTime();
        if (endsAt != null && nextDay()) {
            endsAt = endsAt.plusDays(1);
        } else if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            read.refuse(name.apply("end"), "activityPages.validation.endBeforeStart");
        }
        return new NewShift(startsAt, endsAt, places, FormReader.text(position));
    }

    /** The shift of a form of its own (adding one, changing one); what cannot be read is refused first. */
    NewShift read() {
        FormReader read = new FormReader();
        NewShift shift = toNewShift(read, UnaryOperator.identity());
        read.done();
        return shift;
    }

    /** The field of this form that shows an error of the module's request. */
    static Problem.FieldError field(Problem.FieldError error, UnaryOperator<String> name) {
        String field = FIELDS.get(error.field());
        return new Problem.FieldError(name.apply(field == null ? error.field() : field), error.message());
    }
}
