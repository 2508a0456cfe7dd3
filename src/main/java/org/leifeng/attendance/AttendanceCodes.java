package org.leifeng.attendance;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.leifeng.platform.PersonalData;
import org.leifeng.platform.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * The codes shown as a QR at the door: {@code <shift>.<slot>.<mac>}, where the slot is the 30-second period of issue
 * and the MAC an HMAC-SHA256 (the platform's secret index key, under its own purpose) over shift and slot, cut to
 * 128 bits. A code is accepted in its own slot and the next — so it lives 30 to 60 s and a photo of it soon stops
 * working; one for another shift, a changed digit or an old slot are refused.
 */
@Component
class AttendanceCodes {

    static final int SLOT_SECONDS = 30;
    private static final Pattern SHAPE = Pattern.compile("(\\d{1,18})\\.(\\d{1,12})\\.([A-Za-z0-9_-]{22})");

    private final PersonalData secrets;
    private final Clock clock;

    AttendanceCodes(PersonalData secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    Code issue(long shiftId) {
        long slot = slot(clock.instant());
        return new Code(shiftId + "." + slot + "." + mac(shiftId, slot),
                Instant.ofEpochSecond((slot + 2) * SLOT_SECONDS));
    }

    /** The shift a code was issued for; 422 for forged, malformed or expired codes. */
    long verify(String code) {
        Matcher parts = code == null ? null : SHAPE.matcher(code.strip());
        if (parts == null || !parts.matches()) {
            throw invalid();
        }
        long shiftId = Long.parseLong(parts.group(1));
        long slot = Long.parseLong(parts.group(2));
        byte[] expected = mac(shiftId, slot).getBytes();
        if (!MessageDigest.isEqual(expected, parts.group(3).getBytes())) {
            throw invalid();
        }
        long now = slot(clock.instant());
        if (slot > now || slot < now - 1) {
            throw new RuleViolation("attendance.codeExpired",
                    "This code has expired: scan the code on the organiser's screen again.");
        }
        return shiftId;
    }

    private String mac(long shiftId, long slot) {
        byte[] full = secrets.blindIndex("attendance-code", shiftId + ":" + slot);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, 16));
    }

    private static long slot(Instant at) {
        return at.getEpochSecond() / SLOT_SECONDS;
    }

    private static RuleViolation invalid() {
        return new RuleViolation("attendance.codeInvalid", "This is not a valid attendance code of Leifeng.");
    }

    record Code(String code, Instant expiresAt) {
    }
}
