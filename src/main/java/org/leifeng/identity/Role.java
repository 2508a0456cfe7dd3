package org.leifeng.identity;

/** What a grant allows over an organisation and everything under it. */
public enum Role {
    /** Administers the organisation and its subtree: every other role's rights included. */
    ORG_ADMIN,
    /** Reviews nominations, hours and requests. */
    REVIEWER,
    /** Leads teams: activities and attendance for them. */
    TEAM_LEADER,
    /** Takes part as a volunteer. */
    VOLUNTEER;

    /** Whether holding this role is enough where {@code required} is asked for. */
    public boolean satisfies(Role required) {
        return this == ORG_ADMIN || this == required;
    }
}
