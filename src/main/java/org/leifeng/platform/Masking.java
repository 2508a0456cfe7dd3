package org.leifeng.platform;

import java.util.regex.Pattern;

/** How personal data is shown everywhere: enough to recognise one's own, too little to misuse. */
public final class Masking {

    /**
     * 11 digits starting 13–19, perhaps after the country code (+86, 86, 0086), that are not part of a longer number
     * (such as an ID number).
     */
    private static final Pattern MOBILE_IN_TEXT =
            Pattern.compile("(?<![0-9])((?:\\+?86|0086)?1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])");

    private Masking() {
    }

    /** {@code 410202199001011234} → {@code 4102**********1234}; short documents keep their first and last two. */
    public static String documentNumber(String number) {
        if (number == null || number.isEmpty()) {
            return number;
        }
        int keepStart = number.length() >= 15 ? 4 : Math.min(2, number.length() / 3);
        int keepEnd = number.length() >= 15 ? 4 : Math.min(2, number.length() / 3);
        return number.substring(0, keepStart) + "*".repeat(number.length() - keepStart - keepEnd)
                + number.substring(number.length() - keepEnd);
    }

    /** {@code 13812341234} → {@code 138****1234}. */
    public static String phone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    /**
     * Every mainland mobile number in free text (an audit detail, what someone typed as a username) masked as
     * {@link #phone} masks one: {@code 登录 13812341234} → {@code 登录 138****1234}.
     */
    public static String phonesIn(String text) {
        return text == null ? null : MOBILE_IN_TEXT.matcher(text).replaceAll("$1****$2");
    }

    /** {@code 张三丰} → {@code 张**}: for names on public pages. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }
}
