package org.leifeng.activity;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.leifeng.platform.InvalidInput;

/**
 * The part of RFC 5545's RRULE that regular service (常态化) needs: {@code FREQ=WEEKLY;BYDAY=SA,SU} and
 * {@code FREQ=MONTHLY;BYMONTHDAY=5}, with {@code INTERVAL} and either {@code UNTIL} (a date, inclusive) or
 * {@code COUNT}. Anything else is refused rather than half-understood, so a series never generates dates its
 * organiser did not mean. As in RFC 5545, a month without the day (the 31st in April) has no occurrence, and weeks
 * start on Monday.
 */
record RecurrenceRule(Frequency frequency, int interval, Set<DayOfWeek> days, SortedSet<Integer> monthDays,
        LocalDate until, Integer count) {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String FIELD = "rrule";
    private static final String REFUSED = "recurrence.validation.rrule";
    private static final Map<String, DayOfWeek> DAYS = Map.of("MO", DayOfWeek.MONDAY, "TU", DayOfWeek.TUESDAY,
            "WE", DayOfWeek.WEDNESDAY, "TH", DayOfWeek.THURSDAY, "FR", DayOfWeek.FRIDAY, "SA", DayOfWeek.SATURDAY,
            "SU", DayOfWeek.SUNDAY);

    enum Frequency { WEEKLY, MONTHLY }

    RecurrenceRule {
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        monthDays = new TreeSet<>(monthDays);
    }

    /** Parses the subset; a 400 on the field {@code rrule} for anything outside it. */
    static RecurrenceRule parse(String text) {
        if (text == null || text.isBlank() || text.length() > 200) {
            throw refused();
        }
        String rule = text.strip().toUpperCase();
        rule = rule.startsWith("RRULE:") ? rule.substring(6) : rule;
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : rule.split(";", -1)) {
            String[] pair = part.split("=", -1);
            if (pair.length != 2 || pair[1].isEmpty() || parts.put(pair[0], pair[1]) != null) {
                throw refused();
            }
        }
        if (!Set.of("FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "UNTIL", "COUNT").containsAll(parts.keySet())
                || !parts.containsKey("FREQ") || parts.containsKey("UNTIL") && parts.containsKey("COUNT")) {
            throw refused();
        }
        Frequency frequency = switch (parts.get("FREQ")) {
            case "WEEKLY" -> Frequency.WEEKLY;
            case "MONTHLY" -> Frequency.MONTHLY;
            default -> throw refused();
        };
        boolean weekly = frequency == Frequency.WEEKLY;
        if (weekly != parts.containsKey("BYDAY") || weekly == parts.containsKey("BYMONTHDAY")) {
            throw refused();
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        SortedSet<Integer> monthDays = new TreeSet<>();
        for (String value : list(parts.get("BYDAY"))) {
            days.add(known(DAYS.get(value)));
        }
        for (String value : list(parts.get("BYMONTHDAY"))) {
            monthDays.add(number(value, 1, 31));
        }
        int interval = parts.containsKey("INTERVAL") ? number(parts.get("INTERVAL"), 1, 99) : 1;
        Integer count = parts.containsKey("COUNT") ? number(parts.get("COUNT"), 1, 1000) : null;
        return new RecurrenceRule(frequency, interval, days, monthDays, until(parts.get("UNTIL")), count);
    }

    /**
     * The occurrence dates from {@code first} (the series' first possible day, where COUNT and INTERVAL start)
     * through {@code last}, both inclusive.
     */
    List<LocalDate> dates(LocalDate first, LocalDate last) {
        LocalDate end = until == null || until.isAfter(last) ? last : until;
        List<LocalDate> dates = new ArrayList<>();
        LocalDate period = frequency == Frequency.WEEKLY ? first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : first.withDayOfMonth(1);
        while (!period.isAfter(end) && (count == null || dates.size() < count)) {
            for (LocalDate date : occurrencesIn(period)) {
                if (!date.isBefore(first) && !date.isAfter(end) && (count == null || dates.size() < count)) {
                    dates.add(date);
                }
            }
            period = frequency == Frequency.WEEKLY ? period.plusWeeks(interval) : period.plusMonths(interval);
        }
        return dates;
    }

    /** The rule in a canonical spelling, as stored and shown. */
    String text() {
        StringBuilder text = new StringBuilder("FREQ=").append(frequency);
        if (interval != 1) {
            text.append(";INTERVAL=").append(interval);
        }
        if (frequency == Frequency.WEEKLY) {
            text.append(";BYDAY=").append(String.join(",", EnumSet.copyOf(days).stream()
                    .map(day -> day.name().substring(0, 2)).toList()));
        } else {
            text.append(";BYMONTHDAY=").append(String.join(",", monthDays.stream().map(String::valueOf).toList()));
        }
        if (until != null) {
            text.append(";UNTIL=").append(until.format(DateTimeFormatter.BASIC_ISO_DATE));
        }
        if (count != null) {
            text.append(";COUNT=").append(count);
        }
        return text.toString();
    }

    private List<LocalDate> occurrencesIn(LocalDate periodStart) {
        if (frequency == Frequency.WEEKLY) {
            return EnumSet.copyOf(days).stream().map(day -> periodStart.plusDays(day.ordinal())).toList();
        }
        YearMonth month = YearMonth.from(periodStart);
        return monthDays.stream().filter(day -> day <= month.lengthOfMonth()).map(month::atDay).toList();
    }

    /** A date, or a date-time (UTC when it ends in Z) whose day in Asia/Shanghai is the last day. */
    private static LocalDate until(String value) {
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 8) {
                return LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE);
            }
            boolean utc = value.endsWith("Z");
            LocalDateTime time = LocalDateTime.parse(utc ? value.substring(0, value.length() - 1) : value,
                    DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss"));
            return utc ? time.atOffset(ZoneOffset.UTC).atZoneSameInstant(ZONE).toLocalDate() : time.toLocalDate();
        } catch (DateTimeParseException e) {
            throw refused();
        }
    }

    private static List<String> list(String value) {
        return value == null ? List.of() : List.of(value.split(",", -1));
    }

    private static int number(String value, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw refused();
            }
            return number;
        } catch (NumberFormatException e) {
            throw refused();
        }
    }

    private static <T> T known(T value) {
        if (value == null) {
            throw refused();
        }
        return value;
    }

    private static InvalidInput refused() {
        return new InvalidInput(FIELD, REFUSED);
    }
}
