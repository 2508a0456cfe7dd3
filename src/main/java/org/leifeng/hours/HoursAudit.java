package org.leifeng.hours;

import org.leifeng.identity.AuditAction;

/**
 * What the hours module writes in the audit log: manual entries, decisions, corrections, certificates. The codes are what
 * the log stores and the audit page filters by: they never change.
 */
enum HoursAudit implements AuditAction {
    MANUAL_ENTERED("hours.manualEntered"),
    APPROVED("hours.approved"),
    REJECTED("hours.rejected"),
    CORRECTED("hours.corrected"),
    CERTIFICATE_ISSUED("certificate.issued");

    private final String code;

    HoursAudit(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
