package org.leifeng.hours;

import java.security.SecureRandom;
import java.time.Year;
import java.util.Locale;

/**
 * Certificate numbers: the year and 80 random bits in Crockford base 32, grouped for reading aloud
 * ({@code 2026-7K3Q-9XWM-D2PA-H5TB}). Unguessable, so knowing one certificate tells nothing of another; read back
 * case-insensitively, with the letters people confuse (O, I, L) taken for the digits they look like.
 */
final class CertificateNumbers {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateNumbers() {
    }

    static String next(Year year) {
        StringBuilder number = new StringBuilder(year.toString());
        for (int i = 0; i < 16; i++) {
            if (i % 4 == 0) {
                number.append('-');
            }
            number.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return number.toString();
    }

    /** The canonical form of a number as someone typed it, or null when it cannot be one. */
    static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String compact = typed.strip().toUpperCase(Locale.ROOT).replace('O', '0').replace('I', '1').replace('L', '1')
                .replace("-", "").replace(" ", "");
        if (!compact.matches("\\d{4}[0-9A-HJKMNP-TV-Z]{16}")) {
            return null;
        }
        return compact.substring(0, 4) + "-" + compact.substring(4, 8) + "-" + compact.substring(8, 12) + "-"
                + compact.substring(12, 16) + "-" + compact.substring(16);
    }
}
