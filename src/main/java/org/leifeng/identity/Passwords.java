package org.leifeng.identity;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.leifeng.platform.InvalidInput;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * BCrypt hashing, and the rules every new password meets: it fits what BCrypt reads (72 bytes) and is not easy to
 * guess ({@link PasswordStrength}).
 */
@Component
class Passwords {

    static final int MAX_BYTES = 72;
    private final PasswordEncoder encoder = new BCryptPasswordEncoder(10);
    /** Compared against when the username is unknown, so a wrong name costs as long as a wrong password. */
    private final String decoy = encoder.encode("decoy-password-for-timing");
    private final PasswordStrength strength;

    Passwords(PasswordStrength strength) {
        this.strength = strength;
    }

    /** The hash of a new password; {@code personalWords} (the username, a name) make a password that holds them weak. */
    String hash(String field, String password, String... personalWords) {
        if (password == null || password.length() < 8) {
            throw new InvalidInput(field, "validation.passwordTooShort");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidInput(field, "validation.passwordTooLong");
        }
        requireStrong(field, password, personalWords);
        return encoder.encode(password);
    }

    void requireStrong(String field, String password, String... personalWords) {
        strength.check(field, password, Arrays.asList(personalWords));
    }

    boolean matches(String password, String hash) {
        if (password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            encoder.matches("x", decoy);
            return false;
        }
        return encoder.matches(password, hash == null ? decoy : hash) && hash != null;
    }
}
