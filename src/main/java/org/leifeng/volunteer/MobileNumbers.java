package org.leifeng.volunteer;

/** Mainland China mobile numbers: 11 digits starting 13–19, written with or without +86 and spaces. */
final class MobileNumbers {

    private MobileNumbers() {
    }

    static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        String digits = raw.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        }
        return digits;
    }

    static boolean isValid(String normalised) {
        return normalised.matches("1[3-9]\\d{9}");
    }
}
