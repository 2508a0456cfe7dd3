package org.leifeng.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The platform's address as people outside reach it, for links that leave the page: certificates' QR codes (printed
 * on paper, so {@code leifeng.public-url} should be set in production) and attendance codes. Without the setting, the
 * address the current request came to.
 */
@Component
public class PublicUrl {

    private final String configured;

    PublicUrl(@Value("${leifeng.public-url:}") String configured) {
        this.configured = configured == null ? "" : configured.strip().replaceAll("/+$", "");
    }

    /** {@code https://host[:port][/context]}, without a trailing slash. */
    public String base() {
        return configured.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
                : configured;
    }
}
