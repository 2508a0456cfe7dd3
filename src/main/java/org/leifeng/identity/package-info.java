/**
 * Accounts, passwords, API tokens, role grants scoped to an organisation subtree, and the audit log.
 * <p>
 * {@link org.leifeng.identity.AccessControl} is the one answer to "may this caller act on organisation X" for every
 * module. This module knows organisations only by id and materialised path, through the
 * {@link org.leifeng.identity.OrganisationDirectory} that the organisation module implements.
 */
@ApplicationModule(displayName = "Identity and access", allowedDependencies = { "platform" })
package org.leifeng.identity;

import org.springframework.modulith.ApplicationModule;
