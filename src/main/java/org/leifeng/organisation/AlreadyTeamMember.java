package org.leifeng.organisation;

import org.leifeng.platform.Conflict;

class AlreadyTeamMember extends Conflict {

    AlreadyTeamMember(long teamId) {
        super("problem.alreadyTeamMember", "You are already a member of team " + teamId + ".", teamId);
    }
}
