package org.leifeng.organisation;

import org.leifeng.platform.Conflict;

/** Team names are unique within an organisation, whatever their case. */
class TeamNameTaken extends Conflict {

    TeamNameTaken(String name) {
        super("problem.teamNameTaken", "This organisation already has a team called " + name + ".", name);
    }
}
