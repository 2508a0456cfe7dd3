/**
 * Results for leaders: figures of an organisation subtree and period from read models that the events of the other
 * modules keep current ({@code HoursCredited}, {@code VolunteerRegistered}), idempotent under redelivery, rebuilt
 * from the sources on demand or whenever the reconciliation finds them drifting from the ledger.
 */
@ApplicationModule(displayName = "Reporting",
        allowedDependencies = { "platform", "identity", "organisation", "volunteer", "activity", "hours" })
package org.leifeng.reporting;

import org.springframework.modulith.ApplicationModule;
