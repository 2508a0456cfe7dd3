package org.leifeng.identity;

/** A grant with the materialised path of its organisation: the subtree it covers is every path starting here. */
public record ScopedGrant(Role role, long organisationId, String path) {

    public boolean covers(String organisationPath) {
        return organisationPath.startsWith(path);
    }
}
