/**
 * The hours ledger (DOMAIN.md "Hours"): the truth of each volunteer's service. Attended time arrives as
 * {@link org.leifeng.attendance.CheckedOut}; manual entries wait for a second administrator; corrections are new
 * entries with reason and author. Every entry is appended to the volunteer's hash chain and never changed (the
 * database refuses UPDATE and DELETE); a verification recomputes the chains — on request, and in the background after
 * start and daily, its latest verdict at {@code /actuator/health/ledger}. Totals and star levels move in the
 * appending transaction and publish {@link org.leifeng.hours.HoursCredited} and
 * {@link org.leifeng.hours.StarLevelReached}. Certificates (志愿服务记录证明) are frozen extracts of the ledger with a
 * public verification.
 */
@ApplicationModule(displayName = "Hours ledger and certificates",
        allowedDependencies = { "platform", "identity", "organisation", "volunteer", "activity", "attendance" })
package org.leifeng.hours;

import org.springframework.modulith.ApplicationModule;
