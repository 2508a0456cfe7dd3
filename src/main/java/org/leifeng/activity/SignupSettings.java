package org.leifeng.activity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param volunteerCancellationCutoff how long before a shift volunteers may still cancel themselves (default 2 h) */
@ConfigurationProperties("leifeng.signups")
record SignupSettings(Duration volunteerCancellationCutoff) {

    SignupSettings {
        volunteerCancellationCutoff = volunteerCancellationCutoff == null ? Duration.ofHours(2) : volunteerCancellationCutoff;
    }
}
