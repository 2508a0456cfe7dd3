package org.leifeng.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.leifeng.identity.AccessControl;
import org.leifeng.identity.Accounts;
import org.leifeng.identity.AuditTrail;
import org.leifeng.identity.Caller;
import org.leifeng.identity.Grant;
import org.leifeng.identity.Role;
import org.leifeng.platform.PageRequest;
import org.leifeng.platform.PageResult;
import org.leifeng.platform.RuleViolation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teams (志愿服务队): founding them, finding them, changing them. Founding a team needs ORG_ADMIN over its
 * organisation; the leader and those administrators manage it. Whoever leads a team is one of its members and holds
 * TEAM_LEADER over its organisation. Other modules ask here who belongs to a team.
 */
@Service
public class Teams {

    private final TeamStore store;
    private final MembershipStore memberships;
    private final TeamAccess teamAccess;
    private final AccessControl access;
    private final Accounts accounts;
    private final AuditTrail audit;

    Teams(TeamStore store, MembershipStore memberships, TeamAccess teamAccess, AccessControl access, Accounts accounts,
            AuditTrail audit) {
        this.store = store;
        this.memberships = memberships;
        this.teamAccess = teamAccess;
        this.access = access;
        this.accounts = accounts;
        this.audit = audit;
    }

    @Transactional
    public Team create(NewTeam request) {
        access.require(Role.ORG_ADMIN, request.organisationId());
        // Anyone the administrator can see may lead: 404 for an account outside their view, as everywhere.
        accounts.get(request.leaderAccountId());
        long id = store.insert(request).orElseThrow(() -> new RuleViolation("problem.teamOrganisationInactive",
                "Organisation " + request.organisationId() + " is deactivated.", request.organisationId()));
        becomeLeader(id, request.organisationId(), request.leaderAccountId());
        audit.describe(OrganisationAudit.TEAM_CREATED, "team", id, request.organisationId(), request.name());
        return teamAccess.visible(id);
    }

    /** Names of teams by id, for figures that rank them (team names are shown on public activity pages). */
    @Transactional(readOnly = true)
    public Map<Long, String> namesOf(Collection<Long> teamIds) {
        return teamIds.isEmpty() ? Map.of() : store.namesOf(teamIds);
    }

    @Transactional(readOnly = true)
    public Team get(long id) {
        return teamAccess.visible(id);
    }

    /** Teams the caller can see, optionally within one organisation's subtree, whose names contain {@code fragment}. */
    @Transactional(readOnly = true)
    public PageResult<Team> search(Long organisationId, String fragment, PageRequest page) {
        Caller caller = access.caller();
        String within = organisationId == null ? "" : access.requireVisible(organisationId);
        return store.search(access.visiblePaths(), caller.accountId(), within, fragment == null ? "" : fragment.strip(), page)
                .map(team -> team.forCaller(teamAccess.manages(team)));
    }

    /** Renames, describes or hands over a team; switching it off or on is for administrators of its organisation. */
    @Transactional
    public Team update(long id, TeamChange change) {
        Team team = teamAccess.managed(id);
        if (change.active() != null && change.active() != team.active()) {
            access.require(Role.ORG_ADMIN, team.organisationId());
        }
        store.update(id, change.name(), change.description(), change.active());
        String detail = change.name() == null ? team.name() : change.name();
        if (change.leaderAccountId() != null && change.leaderAccountId() != team.leaderAccountId()) {
            long newLeader = change.leaderAccountId();
            if (!memberships.isLive(id, newLeader)) {
                accounts.get(newLeader);
            }
            long before = store.changeLeader(id, newLeader);
            becomeLeader(id, team.organisationId(), newLeader);
            detail += "; leader " + before + " -> " + newLeader;
        }
        audit.describe(OrganisationAudit.TEAM_UPDATED, "team", id, team.organisationId(), detail);
        return teamAccess.visible(id);
    }

    /** A new code for the team; the old one stops working at once. */
    @Transactional
    public Team regenerateInviteCode(long id) {
        Team team = teamAccess.managed(id);
        store.regenerateInviteCode(id);
        audit.describe(OrganisationAudit.TEAM_INVITE_CODE_REGENERATED, "team", id, team.organisationId());
        return teamAccess.visible(id);
    }

    /** The accounts that are live members of the team now. No caller is checked: for other modules. */
    @Transactional(readOnly = true)
    public List<Long> memberAccountIds(long teamId) {
        return memberships.liveMemberIds(teamId);
    }

    /** The teams the account is a live member of. No caller is checked: for other modules. */
    @Transactional(readOnly = true)
    public List<TeamSummary> teamsOf(long accountId) {
        return memberships.allTeamsOf(accountId);
    }

    /** The active teams of the organisations in a subtree. No caller is checked: for the platform (demo data, imports). */
    @Transactional(readOnly = true)
    public List<Long> activeTeamIdsWithin(String organisationPath) {
        return store.activeIdsWithin(organisationPath);
    }

    /**
     * Makes the accounts live members of the team, for the platform itself (demo data, imports): no caller is
     * checked, so callers of this method decide who may reach it. Answers how many became members now.
     */
    @Transactional
    public int enrolOnBehalfOfPlatform(long teamId, List<Long> accountIds) {
        int joined = 0;
        for (long accountId : accountIds) {
            joined += memberships.join(teamId, accountId) ? 1 : 0;
        }
        return joined;
    }

    @Transactional(readOnly = true)
    public boolean isLiveMember(long teamId, long accountId) {
        return memberships.isLive(teamId, accountId);
    }

    /**
     * Whether the account is a live member of a team the caller manages (leads, or administers its organisation):
     * such members are the caller's people, wherever they are registered.
     */
    @Transactional(readOnly = true)
    public boolean isMemberOfTeamManagedByCaller(long accountId) {
        return memberships.isLiveMemberOfTeamManagedBy(accountId, access.caller().accountId(),
                access.scopePaths(Role.ORG_ADMIN));
    }

    private void becomeLeader(long teamId, long organisationId, long accountId) {
        memberships.join(teamId, accountId);
        accounts.grantOnBehalfOfPlatform(accountId, new Grant(Role.TEAM_LEADER, organisationId));
    }
}
