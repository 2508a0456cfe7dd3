package org.leifeng.identity;

import java.time.OffsetDateTime;
import java.util.List;

/** An account as the API and pages show it: never its password hash. */
public record AccountView(long id, String username, boolean enabled, OffsetDateTime createdAt, List<Grant> grants) {
}
