package org.leifeng.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param adminPassword the bootstrap admin's password ({@code LEIFENG_ADMIN_PASSWORD}); empty: a random one, logged once
 * @param tokenLifetime how long an API token stays valid ({@code LEIFENG_TOKEN_LIFETIME}, default 12 h)
 */
@ConfigurationProperties("leifeng.security")
record SecurityProperties(String adminPassword, Duration tokenLifetime, LockoutPolicy lockout) {

    SecurityProperties {
        tokenLifetime = tokenLifetime == null ? Duration.ofHours(12) : tokenLifetime;
        lockout = lockout == null ? LockoutPolicy.DEFAULT : lockout;
    }
}
