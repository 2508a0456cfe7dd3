package org.leifeng.reporting;

import org.leifeng.identity.AuditAction;

/**
 * What the reporting module writes in the audit log: display links and record exports. The codes are what
 * the log stores and the audit page filters by: they never change.
 */
enum ReportingAudit implements AuditAction {
    DISPLAY_LINK_CREATED("displayLink.created"),
    DISPLAY_LINK_REVOKED("displayLink.revoked"),
    RECORDS_EXPORTED("report.recordsExported");

    private final String code;

    ReportingAudit(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
