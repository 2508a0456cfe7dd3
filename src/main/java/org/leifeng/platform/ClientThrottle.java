package org.leifeng.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Rations what anyone may do without signing in, per client address: signing in and registering (which says whether
 * a document or phone is already registered). Each action has a token bucket per address that holds a minute's
 * allowance and refills over the minute, and a second that holds an hour's, so a burst from a room of people sharing
 * one address passes while a script spraying usernames or probing numbers soon waits. IPv6 clients are counted by
 * their /64 network, which one subscriber usually holds whole.
 * <p>
 * The client address is {@code request.getRemoteAddr()}: behind a reverse proxy, set
 * {@code server.forward-headers-strategy} so it is the forwarded client's, and only then (README). Buckets live in
 * memory per node: with several nodes behind a balancer the allowance multiplies by their number; the per-account
 * sign-in limits (identity's LockoutPolicy) are kept in the database and hold across nodes.
 */
@Component
public class ClientThrottle {

    /** What an anonymous client is rationed on. */
    public enum Action {
        SIGN_IN, REGISTRATION
    }

    /** How many of one action an address may take in a minute and in an hour. */
    record Limit(long perMinute, long perHour) {
    }

    private final TimeMeter time;
    private volatile Map<Action, Limit> limits;
    private final Cache<Key, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(1))
            .maximumSize(200_000).build();

    @Autowired
    ClientThrottle(@Value("${leifeng.throttle.sign-ins-per-minute:20}") long signInsPerMinute,
            @Value("${leifeng.throttle.sign-ins-per-hour:200}") long signInsPerHour,
            @Value("${leifeng.throttle.registrations-per-minute:10}") long registrationsPerMinute,
            @Value("${leifeng.throttle.registrations-per-hour:60}") long registrationsPerHour) {
        this(TimeMeter.SYSTEM_NANOTIME, Map.of(Action.SIGN_IN, new Limit(signInsPerMinute, signInsPerHour),
                Action.REGISTRATION, new Limit(registrationsPerMinute, registrationsPerHour)));
    }

    ClientThrottle(TimeMeter time, Map<Action, Limit> limits) {
        this.time = time;
        this.limits = new EnumMap<>(limits);
    }

    /** Counts one {@code action} from this address; 429 with {@code Retry-After} when its allowance is used up. */
    public void admit(Action action, String clientAddress) {
        Bucket bucket = buckets.get(new Key(action, network(clientAddress)), key -> newBucket(limits.get(action)));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000);
            throw new TooManyAttempts("problem.tooManyFromAddress",
                    "Too many attempts from this address; try again in " + seconds + " seconds.", seconds);
        }
    }

    /** The limit for buckets made from now on; the buckets of addresses already seen keep theirs until they expire. */
    void limit(Action action, Limit limit) {
        Map<Action, Limit> changed = new EnumMap<>(limits);
        changed.put(action, limit);
        limits = changed;
    }

    Limit limitOf(Action action) {
        return limits.get(action);
    }

    private Bucket newBucket(Limit limit) {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.perMinute()).refillGreedy(limit.perMinute(),
                        Duration.ofMinutes(1)))
                .addLimit(bandwidth -> bandwidth.capacity(limit.perHour()).refillGreedy(limit.perHour(),
                        Duration.ofHours(1)))
                .withCustomTimePrecision(time).build();
    }

    /** The address itself for IPv4; the /64 network for IPv6 (a name with a colon is a literal, never looked up). */
    static String network(String clientAddress) {
        if (clientAddress == null || clientAddress.indexOf(':') < 0) {
            return clientAddress == null ? "" : clientAddress;
        }
        try {
            byte[] bytes = InetAddress.getByName(clientAddress).getAddress();
            return bytes.length == 16 ? Arrays.toString(Arrays.copyOf(bytes, 8)) + "/64" : clientAddress;
        } catch (UnknownHostException e) {
            return clientAddress;
        }
    }

    private record Key(Action action, String network) {
    }
}
