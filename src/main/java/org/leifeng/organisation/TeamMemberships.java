package org.leifeng.organisation;

import java.util.List;

import org.leifeng.identity.AccessControl;
import org.leifeng.identity.AuditTrail;
import org.leifeng.platform.NotFound;
import org.leifeng.platform.PageRequest;
import org.leifeng.platform.PageResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joining and leaving teams. A signed-in account asks to join a team it can see and the leader or an administrator
 * decides, or it joins at once with the team's invite code. Leaving and removal close the membership and keep it;
 * the same person may join again later. Someone may belong to several teams.
 */
@Service
public class TeamMemberships {

    private final MembershipStore store;
    private final TeamStore teams;
    private final TeamAccess teamAccess;
    private final AccessControl access;
    private final AuditTrail audit;

    TeamMemberships(MembershipStore store, TeamStore teams, TeamAccess teamAccess, AccessControl access, AuditTrail audit) {
        this.store = store;
        this.teams = teams;
        this.teamAccess = teamAccess;
        this.access = access;
        this.audit = audit;
    }

    /** Live members; with {@code history}, also those who left or were removed. For the leader and administrators. */
    @Transactional(readOnly = true)
    public PageResult<TeamMember> members(long teamId, boolean history, PageRequest page) {
        teamAccess.managed(teamId);
        return store.members(teamId, history, page);
    }

    @Transactional
    public JoinRequest requestToJoin(long teamId, String message) {
        long caller = access.caller().accountId();
        Team team = requireTakingMembers(teamAccess.visible(teamId));
        if (store.isLive(teamId, caller)) {
            throw new AlreadyTeamMember(teamId);
        }
        long id = store.request(teamId, caller, message == null || message.isBlank() ? null : message.strip());
        audit.describe(OrganisationAudit.TEAM_JOIN_REQUESTED, "teamJoinRequest", id, team.organisationId(),
                team.name());
        return store.findRequest(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public PageResult<JoinRequest> requests(long teamId, JoinRequestStatus status, PageRequest page) {
        teamAccess.managed(teamId);
        return store.requests(teamId, status, page);
    }

    /** Approves an open request: the account becomes a member (it stays one if it joined by code meanwhile). */
    @Transactional
    public JoinRequest approve(long requestId) {
        JoinRequest request = findRequest(requestId);
        Team team = requireTakingMembers(teamAccess.managed(request.teamId(), () -> new NotFound("join request", requestId)));
        JoinRequest approved = decide(request, JoinRequestStatus.APPROVED, null);
        store.join(team.id(), request.accountId());
        audit.describe(OrganisationAudit.TEAM_JOIN_APPROVED, "teamJoinRequest", requestId, team.organisationId(),
                "account " + request.accountId() + " joins " + team.name());
        return approved;
    }

    @Transactional
    public JoinRequest reject(long requestId, String reason) {
        JoinRequest request = findRequest(requestId);
        Team team = teamAccess.managed(request.teamId(), () -> new NotFound("join request", requestId));
        JoinRequest rejected = decide(request, JoinRequestStatus.REJECTED, reason.strip());
        audit.describe(OrganisationAudit.TEAM_JOIN_REJECTED, "teamJoinRequest", requestId, team.organisationId(),
                reason);
        return rejected;
    }

    /** The asker takes back their own open request. */
    @Transactional
    public JoinRequest withdraw(long requestId) {
        JoinRequest request = findRequest(requestId);
        if (request.accountId() != access.caller().accountId()) {
            throw new NotFound("join request", requestId);
        }
        Team team = teams.find(request.teamId()).orElseThrow();
        JoinRequest withdrawn = decide(request, JoinRequestStatus.WITHDRAWN, null);
        audit.describe(OrganisationAudit.TEAM_JOIN_WITHDRAWN, "teamJoinRequest", requestId, team.organisationId());
        return withdrawn;
    }

    /**
     * Joins the team whose invite code this is, at once. The code is the permission: whoever holds it may join, even
     * from outside the team's organisation. A wrong code is a team that does not exist (404).
     */
    @Transactional
    public Team joinWithCode(String inviteCode) {
        long caller = access.caller().accountId();
        Team team = requireTakingMembers(teams.findByInviteCode(InviteCodes.normalise(inviteCode))
                .orElseThrow(() -> new NotFound("invite code", inviteCode)));
        if (!store.join(team.id(), caller)) {
            throw new AlreadyTeamMember(team.id());
        }
        store.withdrawOpenRequest(team.id(), caller);
        audit.describe(OrganisationAudit.TEAM_JOINED_WITH_CODE, "team", team.id(), team.organisationId(), team.name());
        return teamAccess.visible(team.id());
    }

    @Transactional
    public void leave(long teamId) {
        long caller = access.caller().accountId();
        Team team = teamAccess.visible(teamId);
        end(team, caller, caller, MembershipEnd.LEFT, null);
        audit.describe(OrganisationAudit.TEAM_LEFT, "team", teamId, team.organisationId(), "account " + caller);
    }

    @Transactional
    public void remove(long teamId, long accountId, String reason) {
        Team team = teamAccess.managed(teamId);
        String note = reason == null || reason.isBlank() ? null : reason.strip();
        end(team, accountId, access.caller().accountId(), MembershipEnd.REMOVED, note);
        audit.describe(OrganisationAudit.TEAM_MEMBER_REMOVED, "team", teamId, team.organisationId(),
                "account " + accountId + (note == null ? "" : ": " + note));
    }

    @Transactional(readOnly = true)
    public PageResult<TeamSummary> myTeams(PageRequest page) {
        return store.teamsOf(access.caller().accountId(), page);
    }

    @Transactional(readOnly = true)
    public List<JoinRequest> myOpenRequests() {
        return store.openRequestsOf(access.caller().accountId());
    }

    /** Closes a live membership; the team is locked against a change of leader meanwhile, so a leader never leaves. */
    private void end(Team team, long accountId, long endedBy, MembershipEnd how, String note) {
        long leader = teams.lockLeader(team.id()).orElseThrow();
        if (leader == accountId) {
            throw new LeaderStaysInTeam();
        }
        if (!store.end(team.id(), accountId, endedBy, how, note)) {
            throw new NotFound("team member", accountId);
        }
    }

    private JoinRequest findRequest(long requestId) {
        access.caller();
        return store.findRequest(requestId).orElseThrow(() -> new NotFound("join request", requestId));
    }

    private JoinRequest decide(JoinRequest request, JoinRequestStatus status, String reason) {
        return store.decide(request.id(), status, access.caller().accountId(), reason)
                .orElseThrow(() -> new JoinRequestAlreadyDecided(request.id(),
                        store.findRequest(request.id()).map(JoinRequest::status).orElse(request.status())));
    }

    private static Team requireTakingMembers(Team team) {
        if (!team.active()) {
            throw new TeamInactive(team.name());
        }
        return team;
    }
}
