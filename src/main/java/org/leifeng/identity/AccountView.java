package org.leifeng.identity;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An account as the API and pages show it: never its password hash. {@code username} is the name it shows: the
 * username, or for an account named by a mobile number, the number masked ({@code 138****1234}).
 */
public record AccountView(long id, String username, boolean enabled, OffsetDateTime createdAt, List<Grant> grants) {
}
