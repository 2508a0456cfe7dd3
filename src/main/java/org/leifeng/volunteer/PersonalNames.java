package org.leifeng.volunteer;

import java.util.regex.Pattern;

/**
 * A real name as people have them: 1 to 50 characters of any script, with the separators names use — the middle
 * dot of ethnic-minority and transliterated names (阿依古丽·买买提), spaces, hyphens, apostrophes and full stops
 * of foreign names. No digits, no symbols.
 */
final class PersonalNames {

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M}·・•. '’\\-]*");

    private PersonalNames() {
    }

    static String normalise(String raw) {
        return raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
    }

    static boolean isValid(String normalised) {
        int length = normalised.codePointCount(0, normalised.length());
        return length >= 1 && length <= 50 && NAME.matcher(normalised).matches();
    }
}
