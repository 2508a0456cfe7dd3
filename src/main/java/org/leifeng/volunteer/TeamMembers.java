package org.leifeng.volunteer;

import java.util.List;

import org.leifeng.organisation.Teams;
import org.springframework.stereotype.Component;

/**
 * The accounts that are live members of a team, for the "by team" search. The team must be visible to the caller
 * (404 otherwise), so the filter tells nobody who belongs to a team they cannot see.
 */
@Component
class TeamMembers {

    private final Teams teams;

    TeamMembers(Teams teams) {
        this.teams = teams;
    }

    List<Long> accountsOf(long teamId) {
        teams.get(teamId);
        return teams.memberAccountIds(teamId);
    }
}
