/**
 * Volunteers: real-name registration with a checked identity document (stored encrypted, shown masked, found
 * through a keyed blind index), guardians and consents for minors, volunteer numbers, profiles and self-service.
 */
@ApplicationModule(displayName = "Volunteers", allowedDependencies = { "platform", "identity", "organisation" })
package org.leifeng.volunteer;

import org.springframework.modulith.ApplicationModule;
