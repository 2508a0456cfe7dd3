/**
 * The organisation tree (city → district/county → street/township → units and civilization-practice centres),
 * kept as a materialised path per node, and the teams (志愿服务队) under its organisations with their members.
 * Implements identity's {@link org.leifeng.identity.OrganisationDirectory}. Team members are accounts: this module
 * knows no volunteer profiles; other modules ask {@link org.leifeng.organisation.Teams} who belongs to a team.
 */
@ApplicationModule(displayName = "Organisations", allowedDependencies = { "platform", "identity" })
package org.leifeng.organisation;

import org.springframework.modulith.ApplicationModule;
