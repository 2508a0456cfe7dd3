package org.leifeng.organisation;

import org.leifeng.platform.RuleViolation;

/** A deactivated team keeps its members and history but takes nobody new. */
class TeamInactive extends RuleViolation {

    TeamInactive(String name) {
        super("problem.teamInactive", "The team " + name + " is deactivated and takes no new members.", name);
    }
}
