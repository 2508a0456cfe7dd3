package org.leifeng.volunteer;

import java.util.List;

import org.springframework.stereotype.Component;

/** The accounts that are live members of a team, for the "by team" search (teams live in the organisation module). */
@Component
class TeamMembers {

    List<Long> accountsOf(long teamId) {
        return List.of();
    }
}
