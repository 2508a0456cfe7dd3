package org.leifeng.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The audit log keeps the action codes it was written with, and its page filters by them: each module's enum of
 * actions must name exactly the codes the log already holds, one constant per code.
 */
class AuditActionCodesTest {

    private static final List<String> ENUMS = List.of("org.leifeng.identity.AccountAudit",
            "org.leifeng.organisation.OrganisationAudit", "org.leifeng.volunteer.VolunteerAudit",
            "org.leifeng.activity.ActivityAudit", "org.leifeng.attendance.AttendanceAudit",
            "org.leifeng.hours.HoursAudit", "org.leifeng.reporting.ReportingAudit");

    @Test
    void everyModuleNamesTheActionCodesTheAuditLogHolds() {
        List<String> codes = ENUMS.stream().flatMap(AuditActionCodesTest::codesOf).toList();

        assertThat(codes).doesNotHaveDuplicates().containsExactlyInAnyOrder(
                "account.created", "account.granted", "account.revoked", "account.passwordChanged", "auth.signIn",
                "auth.token", "auth.logout",
                "organisation.created", "organisation.renamed", "organisation.moved", "organisation.deactivated",
                "organisation.activated", "team.created", "team.updated", "team.inviteCodeRegenerated",
                "team.joinRequested", "team.joinApproved", "team.joinRejected", "team.joinWithdrawn",
                "team.joinedWithCode", "team.left", "team.memberRemoved",
                "volunteer.registered", "volunteer.profileChanged", "volunteer.idNumberRevealed", "volunteer.exported",
                "volunteer.closed", "volunteer.insuranceRecorded",
                "activity.created", "activity.changed", "activity.peopleServed", "activity.published",
                "activity.completed", "activity.cancelled", "shift.added", "shift.changed", "shift.cancelled",
                "series.created", "series.ended", "signup.created", "signup.cancelled", "signup.approved",
                "signup.rejected", "signup.noShow", "signup.walkIn",
                "attendance.closedWithoutCredit",
                "hours.manualEntered", "hours.approved", "hours.rejected", "hours.corrected", "certificate.issued",
                "displayLink.created", "displayLink.revoked", "report.recordsExported");
    }

    private static Stream<String> codesOf(String enumName) {
        try {
            return Arrays.stream(Class.forName(enumName).getEnumConstants())
                    .map(action -> ((AuditAction) action).code());
        } catch (ClassNotFoundException missing) {
            throw new AssertionError("No enum of audit actions " + enumName, missing);
        }
    }
}
