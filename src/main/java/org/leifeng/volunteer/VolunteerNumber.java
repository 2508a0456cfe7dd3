package org.leifeng.volunteer;

/**
 * Volunteer numbers: a 4-digit city prefix, a 7-digit serial and a Luhn check digit, e.g. {@code 410200001237}.
 * They are issued in order and say nothing about the person; the check digit catches every single mistyped digit
 * and most swapped neighbours at a kiosk.
 */
public final class VolunteerNumber {

    static final int SERIAL_DIGITS = 7;

    private VolunteerNumber() {
    }

    public static String issue(String prefix, long serial) {
        String body = prefix + String.format("%0" + SERIAL_DIGITS + "d", serial);
        return body + luhnDigit(body);
    }

    public static boolean isWellFormed(String number) {
        return number != null && number.matches("\\d{8,20}")
                && luhnDigit(number.substring(0, number.length() - 1)) == number.charAt(number.length() - 1);
    }

    static char luhnDigit(String body) {
        int sum = 0;
        boolean doubleIt = true;
        for (int i = body.length() - 1; i >= 0; i--) {
            int digit = body.charAt(i) - '0';
            if (doubleIt) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubleIt = !doubleIt;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }
}
