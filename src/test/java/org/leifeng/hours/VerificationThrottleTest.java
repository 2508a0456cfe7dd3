package org.leifeng.hours;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.leifeng.platform.TooManyAttempts;

class VerificationThrottleTest {

    @Test
    void refusesAnAddressBeyondItsAllowanceButNotOthers() {
        VerificationThrottle throttle = new VerificationThrottle(3);
        for (int i = 0; i < 3; i++) {
            throttle.admit("203.0.113.7");
        }

        assertThatThrownBy(() -> throttle.admit("203.0.113.7")).isInstanceOf(TooManyAttempts.class);
        assertThatCode(() -> throttle.admit("198.51.100.2")).doesNotThrowAnyException();
    }
}
