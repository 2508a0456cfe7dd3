package org.leifeng.platform;

/** How personal data is shown everywhere: enough to recognise one's own, too little to misuse. */
public final class Masking {

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

    /** {@code 张三丰} → {@code 张**}: for names on public pages. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }
}
