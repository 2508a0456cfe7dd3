package org.leifeng.reporting;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.leifeng.activity.ActivityCategoryChanged;
import org.leifeng.activity.PeopleServedRecorded;
import org.leifeng.hours.HoursCredited;
import org.leifeng.volunteer.VolunteerRegistered;
import org.leifeng.volunteer.VolunteerRegistration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Keeps the figures current as the ledger and registrations change; each fact is applied once (see {@link Reports}). */
@Component
class ReportingListeners {

    private final Reports reports;
    private final Clock clock;

    ReportingListeners(Reports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(HoursCredited credited) {
        reports.apply(credited);
    }

    @ApplicationModuleListener
    void on(PeopleServedRecorded recorded) {
        reports.peopleServed(recorded);
    }

    @ApplicationModuleListener
    void on(ActivityCategoryChanged changed) {
        reports.recategorise(changed);
    }

    @ApplicationModuleListener
    void on(VolunteerRegistered registered) {
        // Publications stored before registeredAt existed carry none; for them the handling time is all there is.
        OffsetDateTime at = registered.registeredAt() == null ? OffsetDateTime.now(clock)
                : registered.registeredAt();
        reports.register(new VolunteerRegistration(registered.volunteerId(), registered.organisationId(), at));
    }
}
