package org.leifeng.activity;

import org.leifeng.identity.AuditAction;

/**
 * What the activity module writes in the audit log: activities, shifts, series and sign-ups. The codes are what
 * the log stores and the audit page filters by: they never change.
 */
enum ActivityAudit implements AuditAction {
    ACTIVITY_CREATED("activity.created"),
    ACTIVITY_CHANGED("activity.changed"),
    PEOPLE_SERVED("activity.peopleServed"),
    ACTIVITY_PUBLISHED("activity.published"),
    ACTIVITY_COMPLETED("activity.completed"),
    ACTIVITY_CANCELLED("activity.cancelled"),
    SHIFT_ADDED("shift.added"),
    SHIFT_CHANGED("shift.changed"),
    SHIFT_CANCELLED("shift.cancelled"),
    SERIES_CREATED("series.created"),
    SERIES_ENDED("series.ended"),
    SIGNUP_CREATED("signup.created"),
    SIGNUP_CANCELLED("signup.cancelled"),
    SIGNUP_APPROVED("signup.approved"),
    SIGNUP_REJECTED("signup.rejected"),
    SIGNUP_NO_SHOW("signup.noShow"),
    SIGNUP_WALK_IN("signup.walkIn");

    private final String code;

    ActivityAudit(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** The action of an activity's move to {@code status}; no activity moves back to DRAFT. */
    static ActivityAudit reaching(ActivityStatus status) {
        return switch (status) {
            case PUBLISHED -> ACTIVITY_PUBLISHED;
            case COMPLETED -> ACTIVITY_COMPLETED;
            case CANCELLED -> ACTIVITY_CANCELLED;
            case DRAFT -> throw new IllegalArgumentException("No activity moves back to DRAFT");
        };
    }
}
