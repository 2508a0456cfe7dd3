package org.leifeng.hours;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.leifeng.platform.TooManyAttempts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Public verification is open to anyone, so it is rationed per client address (default 30 look-ups a minute):
 * enough for a person checking papers, too few to walk the space of numbers. Counted per node in memory; with
 * several nodes the allowance multiplies by their number, which still leaves 80-bit numbers out of reach.
 */
@Component
class VerificationThrottle {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int perMinute;
    private final Cache<String, AtomicInteger> counts = Caffeine.newBuilder().expireAfterWrite(WINDOW)
            .maximumSize(100_000).build();

    VerificationThrottle(@Value("${leifeng.certificates.verifications-per-minute:30}") int perMinute) {
        this.perMinute = perMinute;
    }

    void admit(String clientAddress) {
        AtomicInteger count = counts.get(clientAddress == null ? "" : clientAddress, key -> new AtomicInteger());
        if (count.incrementAndGet() > perMinute) {
            throw new TooManyAttempts("certificate.tooManyVerifications",
                    "Too many certificate look-ups from this address; try again in a minute.", WINDOW.toSeconds());
        }
    }
}
