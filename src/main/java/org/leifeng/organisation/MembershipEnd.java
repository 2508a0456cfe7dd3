package org.leifeng.organisation;

/** How a membership ended: the member left, or the leader or an administrator removed them. */
public enum MembershipEnd {
    LEFT,
    REMOVED
}
