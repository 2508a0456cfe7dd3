/**
 * The organisation tree (city → district/county → street/township → units and civilization-practice centres),
 * kept as a materialised path per node, and, later, teams and their members. Implements identity's
 * {@link org.leifeng.identity.OrganisationDirectory}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisations")
package org.leifeng.organisation;
