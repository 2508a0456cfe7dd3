package org.leifeng.volunteer;

import org.leifeng.identity.AuditAction;

/**
 * What the volunteer module writes in the audit log, including every read of an unmasked ID number. The codes are what
 * the log stores and the audit page filters by: they never change.
 */
enum VolunteerAudit implements AuditAction {
    REGISTERED("volunteer.registered"),
    PROFILE_CHANGED("volunteer.profileChanged"),
    ID_NUMBER_REVEALED("volunteer.idNumberRevealed"),
    EXPORTED("volunteer.exported"),
    CLOSED("volunteer.closed"),
    INSURANCE_RECORDED("volunteer.insuranceRecorded");

    private final String code;

    VolunteerAudit(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
