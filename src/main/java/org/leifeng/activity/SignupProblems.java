package org.leifeng.activity;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.leifeng.platform.Conflict;
import org.leifeng.platform.RuleViolation;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** The refusals of sign-up, named as the facts they are. */
final class SignupProblems {

    private SignupProblems() {
    }

    /** 409, with the id of the sign-up the volunteer already has: repeating a sign-up is safe. */
    static final class AlreadySignedUp extends Conflict {
        private final long signupId;

        AlreadySignedUp(long signupId) {
            super("activity.alreadySignedUp", "You are already signed up for this shift (sign-up " + signupId + ").",
                    signupId);
            this.signupId = signupId;
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("signupId", signupId);
        }
    }

    static final class OverlappingSignUp extends Conflict {
        OverlappingSignUp() {
            super("activity.overlapping", "You already hold a place in another shift at the same time.");
        }
    }

    static final class ShiftFull extends Conflict {
        ShiftFull() {
            super("activity.shiftFull", "This shift is full and keeps no waiting list.");
        }
    }

    static final class NotEligible extends RuleViolation {
        /** Eligibility has five rules after the volunteer's own status, so never more reasons than this. */
        private static final int MAX_REASONS = 5;
        private final List<IneligibilityReason> reasons;

        NotEligible(List<IneligibilityReason> reasons) {
            super("activity.notEligible", "You cannot sign up for this shift: " + reasons, explained(reasons));
            this.reasons = List.copyOf(reasons);
        }

        /** Each reason as a message of its own ({@code activity.reason.TOO_YOUNG}), filling the five slots in order. */
        private static Object[] explained(List<IneligibilityReason> reasons) {
            Object[] slots = new Object[MAX_REASONS];
            Arrays.fill(slots, "");
            for (int i = 0; i < Math.min(reasons.size(), MAX_REASONS); i++) {
                slots[i] = new DefaultMessageSourceResolvable(
                        new String[] {"activity.reason." + reasons.get(i).name()}, reasons.get(i).name());
            }
            return slots;
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("reasons", reasons);
        }
    }

    /** The activity's status forbids this; the status is named in the reader's language. */
    static RuleViolation wrongStatus(ActivityStatus status) {
        return new RuleViolation("activity.wrongStatus", "Not possible while the activity is " + status + ".",
                new DefaultMessageSourceResolvable(new String[] {"activity.status." + status}, status.name()));
    }

    static RuleViolation outsideRecruitmentWindow() {
        return new RuleViolation("activity.outsideWindow", "Sign-up for this activity is not open now.");
    }

    static RuleViolation notTakingSignups() {
        return new RuleViolation("activity.notTakingSignups", "This activity or shift takes no sign-ups.");
    }

    static RuleViolation cancellationClosed(long hours) {
        return new RuleViolation("activity.cancellationClosed",
                "Sign-ups can be cancelled until " + hours + " hours before the shift; ask the organiser.", hours);
    }

    static RuleViolation notAVolunteer() {
        return new RuleViolation("activity.notAVolunteer", "Only registered volunteers sign up.");
    }

    static RuleViolation shiftNotOver() {
        return new RuleViolation("activity.shiftNotOver", "No-shows are marked after the shift has ended.");
    }

    static Conflict changedMeanwhile() {
        return new Conflict("activity.changedMeanwhile", "This sign-up changed meanwhile; reload and try again.");
    }
}
