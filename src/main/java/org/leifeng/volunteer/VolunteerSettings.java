package org.leifeng.volunteer;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param numberPrefix the city prefix of volunteer numbers (Kaifeng's area code 4102 by default)
 * @param consentVersion the version of the consent text a registration agrees to
 */
@ConfigurationProperties("leifeng.volunteers")
record VolunteerSettings(String numberPrefix, String consentVersion) {

    VolunteerSettings {
        numberPrefix = numberPrefix == null ? "4102" : numberPrefix;
        consentVersion = consentVersion == null ? "2026-11" : consentVersion;
    }
}
