package org.leifeng.organisation;

import org.leifeng.platform.Conflict;
import org.springframework.context.support.DefaultMessageSourceResolvable;

class JoinRequestAlreadyDecided extends Conflict {

    JoinRequestAlreadyDecided(long requestId, JoinRequestStatus status) {
        super("problem.joinRequestDecided", "Join request " + requestId + " is already " + status + ".", requestId,
                new DefaultMessageSourceResolvable(new String[] {"joinRequest.status." + status}, status.name()));
    }
}
