package org.leifeng.hours;

import org.leifeng.attendance.CheckedOut;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Credits finished attendances. Delivered after the attendance's commit through the event publication registry, so
 * a crash between the two loses nothing; redelivery is harmless ({@link Hours#credit} is idempotent).
 */
@Component
class CheckedOutListener {

    private final Hours hours;

    CheckedOutListener(Hours hours) {
        this.hours = hours;
    }

    @ApplicationModuleListener
    void on(CheckedOut attended) {
        hours.credit(attended);
    }
}
