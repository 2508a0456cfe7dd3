package org.leifeng.organisation;

import org.leifeng.platform.Conflict;

class JoinRequestAlreadyDecided extends Conflict {

    JoinRequestAlreadyDecided(long requestId, JoinRequestStatus status) {
        super("problem.joinRequestDecided", "Join request " + requestId + " is already " + status + ".", requestId,
                status);
    }
}
