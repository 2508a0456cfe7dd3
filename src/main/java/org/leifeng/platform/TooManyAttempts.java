package org.leifeng.platform;

import org.springframework.http.HttpStatus;

/** 429: refused for now; the answer carries {@code Retry-After} with {@link #retryAfterSeconds()}. */
public class TooManyAttempts extends Problem {

    private final long retryAfterSeconds;

    public TooManyAttempts(String code, String defaultMessage, long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, code, defaultMessage, retryAfterSeconds, (retryAfterSeconds + 59) / 60);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
