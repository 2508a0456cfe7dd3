package org.leifeng.organisation;

import java.time.OffsetDateTime;

/** A node of the tree as other modules and the API see it. {@code path} lists the ids from the root: {@code /1/7/42/}. */
public record Organisation(long id, String name, OrganisationType type, Long parentId, String path, int depth,
        boolean active, int childCount, OffsetDateTime createdAt) {

    public boolean isRoot() {
        return parentId == null;
    }
}
