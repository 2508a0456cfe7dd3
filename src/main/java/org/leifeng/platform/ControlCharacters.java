package org.leifeng.platform;

import java.util.regex.Pattern;

/**
 * Control characters in text that people type: tab, line feed and carriage return belong in multi-line text; every
 * other C0 or C1 control (NUL above all, which PostgreSQL cannot store) has no place in it and is refused at the edge.
 */
public final class ControlCharacters {

    private static final Pattern REFUSED = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

    private ControlCharacters() {
    }

    /** Whether the text holds a control character other than tab, line feed and carriage return. */
    public static boolean refused(CharSequence text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
                return true;
            }
        }
        return false;
    }

    /** The text with each refused control character shown as U+FFFD, for records that must keep what came. */
    public static String replaced(String text) {
        return text == null || !refused(text) ? text : REFUSED.matcher(text).replaceAll("\uFFFD");
    }
}
