package org.leifeng.organisation;

import org.leifeng.platform.RuleViolation;

/** A team always has a leader among its members: hand the team over first. */
class LeaderStaysInTeam extends RuleViolation {

    LeaderStaysInTeam() {
        super("problem.leaderStaysInTeam", "The leader cannot leave or be removed; choose another leader first.");
    }
}
