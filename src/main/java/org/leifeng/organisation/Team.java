package org.leifeng.organisation;

import java.time.OffsetDateTime;

/**
 * A team (志愿服务队) as callers see it. {@code inviteCode} is set only for those who manage the team: the code lets
 * anyone in, so it is shown to nobody else.
 */
public record Team(long id, long organisationId, String organisationName, String name, String description,
        long leaderAccountId, boolean active, int memberCount, OffsetDateTime createdAt, String inviteCode,
        boolean managedByCaller) {

    Team forCaller(boolean manages) {
        return new Team(id, organisationId, organisationName, name, description, leaderAccountId, active, memberCount,
                createdAt, manages ? inviteCode : null, manages);
    }
}
