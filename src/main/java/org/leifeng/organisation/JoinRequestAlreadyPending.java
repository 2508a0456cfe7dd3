package org.leifeng.organisation;

import org.leifeng.platform.Conflict;

class JoinRequestAlreadyPending extends Conflict {

    JoinRequestAlreadyPending(long teamId) {
        super("problem.joinRequestPending", "Your request to join team " + teamId + " is still waiting for a decision.",
                teamId);
    }
}
