package org.leifeng.identity;

import java.util.Optional;

/**
 * What a person types to sign in: a username, or their mainland mobile number (volunteers), written with or without
 * +86, spaces and dashes. An account keeps a mobile number only as its blind index, never in clear.
 */
final class SignInNames {

    /** Separates this blind index from the other indexes of personal data. */
    static final String MOBILE_INDEX = "account-mobile";

    private SignInNames() {
    }

    /** The number as 11 digits, if what was typed is a mobile number. */
    static Optional<String> mobileNumber(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String digits = typed.strip().replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        }
        return digits.matches("1[3-9][0-9]{9}") ? Optional.of(digits) : Optional.empty();
    }
}
