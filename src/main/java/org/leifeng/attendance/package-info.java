/**
 * Attendance at shifts: short-lived signed codes shown as a QR, check-in and check-out by scanning them or at the
 * organiser's kiosk, and the closing of a shift's open check-ins. It never calls the ledger: a finished attendance
 * is published as {@link org.leifeng.attendance.CheckedOut} and the {@code hours} module credits it.
 */
@ApplicationModule(displayName = "Attendance",
        allowedDependencies = { "platform", "identity", "volunteer", "activity" })
package org.leifeng.attendance;

import org.springframework.modulith.ApplicationModule;
