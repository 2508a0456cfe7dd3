package org.leifeng.portal;

import org.leifeng.identity.AccessControl;
import org.leifeng.platform.Forbidden;

/** The administration pages are for those who administer at least one organisation. */
final class AdminPages {

    private AdminPages() {
    }

    static void requireAdministrator(AccessControl access) {
        access.caller();
        if (!access.isAdministrator()) {
            throw new Forbidden("problem.adminOnly", "Only administrators use these pages.");
        }
    }
}
