package org.leifeng.organisation;

import org.leifeng.identity.AuditAction;

/**
 * What the organisation module writes in the audit log: organisations, teams and their members. The codes are what
 * the log stores and the audit page filters by: they never change.
 */
enum OrganisationAudit implements AuditAction {
    ORGANISATION_CREATED("organisation.created"),
    ORGANISATION_RENAMED("organisation.renamed"),
    ORGANISATION_MOVED("organisation.moved"),
    ORGANISATION_DEACTIVATED("organisation.deactivated"),
    ORGANISATION_ACTIVATED("organisation.activated"),
    TEAM_CREATED("team.created"),
    TEAM_UPDATED("team.updated"),
    TEAM_INVITE_CODE_REGENERATED("team.inviteCodeRegenerated"),
    TEAM_JOIN_REQUESTED("team.joinRequested"),
    TEAM_JOIN_APPROVED("team.joinApproved"),
    TEAM_JOIN_REJECTED("team.joinRejected"),
    TEAM_JOIN_WITHDRAWN("team.joinWithdrawn"),
    TEAM_JOINED_WITH_CODE("team.joinedWithCode"),
    TEAM_LEFT("team.left"),
    TEAM_MEMBER_REMOVED("team.memberRemoved");

    private final String code;

    OrganisationAudit(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
