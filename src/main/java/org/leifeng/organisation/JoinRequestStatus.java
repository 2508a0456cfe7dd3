package org.leifeng.organisation;

/** A join request is open while PENDING; every other status is final. */
public enum JoinRequestStatus {
    PENDING,
    APPROVED,
    REJECTED,
    WITHDRAWN
}
