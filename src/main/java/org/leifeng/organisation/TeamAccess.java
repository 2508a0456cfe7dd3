package org.leifeng.organisation;

import java.util.function.Supplier;

import org.leifeng.identity.AccessControl;
import org.leifeng.identity.Role;
import org.leifeng.platform.Forbidden;
import org.leifeng.platform.NotFound;
import org.springframework.stereotype.Component;

/**
 * Who may see and who may manage a team, on top of {@link AccessControl}. A team is visible to whoever can see its
 * organisation, to its leader and to its live members; anyone else is told it does not exist (404). It is managed by
 * its leader and by administrators of its organisation; others who can see it get 403.
 */
@Component
class TeamAccess {

    private final TeamStore teams;
    private final MembershipStore memberships;
    private final AccessControl access;

    TeamAccess(TeamStore teams, MembershipStore memberships, AccessControl access) {
        this.teams = teams;
        this.memberships = memberships;
        this.access = access;
    }

    Team visible(long teamId) {
        return visible(teamId, () -> new NotFound("team", teamId));
    }

    /** As {@link #visible(long)}, answering an invisible team with {@code notFound}: e.g. about a join request. */
    Team visible(long teamId, Supplier<NotFound> notFound) {
        long caller = access.caller().accountId();
        Team team = teams.find(teamId).orElseThrow(notFound);
        boolean visible = team.leaderAccountId() == caller || access.canSee(team.organisationId())
                || memberships.isLive(teamId, caller);
        if (!visible) {
            throw notFound.get();
        }
        return team.forCaller(manages(team));
    }

    Team managed(long teamId) {
        return managed(teamId, () -> new NotFound("team", teamId));
    }

    Team managed(long teamId, Supplier<NotFound> notFound) {
        Team team = visible(teamId, notFound);
        if (!team.managedByCaller()) {
            throw new Forbidden("problem.teamManagerRequired",
                    "Only the leader of team " + teamId + " or an administrator of its organisation may do this.", teamId);
        }
        return team;
    }

    boolean manages(Team team) {
        return team.leaderAccountId() == access.caller().accountId()
                || access.holds(Role.ORG_ADMIN, team.organisationId());
    }
}
