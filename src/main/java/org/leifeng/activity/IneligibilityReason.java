package org.leifeng.activity;

/**
 * What stands between a volunteer and a shift (DOMAIN.md). Each reason has a message of its own,
 * {@code activity.reason.<NAME>}; answers name them as written here.
 */
enum IneligibilityReason {
    VOLUNTEER_CLOSED, TOO_YOUNG, TOO_OLD, MISSING_SKILLS, NOT_IN_TEAM, NOT_INSURED
}
