package org.leifeng.activity;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Geo;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Writes shifts as an RFC 5545 calendar. Times are UTC instants, so no calendar has to know Asia/Shanghai; the UID
 * is the shift's, so a client that subscribes updates a moved shift instead of adding a second one.
 */
final class ICalendarWriter {

    private ICalendarWriter() {
    }

    /** {@code pageBase} is the site's address, for each event's link to its activity page. */
    static String write(String name, List<CalendarEntry> entries, String pageBase) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Leifeng//Volunteer service//ZH"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new net.fortuna.ical4j.model.property.XProperty("X-WR-CALNAME", name));
        entries.forEach(entry -> calendar.add(event(entry, pageBase)));
        return calendar.toString();
    }

    private static VEvent event(CalendarEntry entry, String pageBase) {
        String summary = entry.position() == null || entry.position().isBlank() ? entry.title()
                : entry.title() + "（" + entry.position() + "）";
        VEvent event = new VEvent(entry.startsAt().toInstant(), entry.endsAt().toInstant(), summary);
        event.add(new Uid("shift-" + entry.shiftId() + "@leifeng"));
        if (entry.address() != null && !entry.address().isBlank()) {
            event.add(new Location(entry.address()));
        }
        if (entry.lat() != null && entry.lon() != null) {
            event.add(new Geo(BigDecimal.valueOf(entry.lat()), BigDecimal.valueOf(entry.lon())));
        }
        if (entry.description() != null && !entry.description().isBlank()) {
            event.add(new Description(entry.description()));
        }
        event.add(new Url(URI.create(pageBase + "/activities/" + entry.activityId())));
        return event;
    }
}
