/**
 * Activities and their shifts, and sign-ups that never overbook: the shift's counters change by conditional UPDATE in
 * the transaction that writes the sign-up, under constraints that refuse any state with more people than places.
 */
@ApplicationModule(displayName = "Activities and sign-up",
        allowedDependencies = { "platform", "identity", "organisation", "volunteer" })
package org.leifeng.activity;

import org.springframework.modulith.ApplicationModule;
