package org.leifeng.attendance;

import org.leifeng.identity.AuditAction;

/**
 * What the attendance module writes in the audit log beyond the requests themselves. The codes are what
 * the log stores and the audit page filters by: they never change.
 */
enum AttendanceAudit implements AuditAction {
    CLOSED_WITHOUT_CREDIT("attendance.closedWithoutCredit");

    private final String code;

    AttendanceAudit(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
