package org.leifeng.platform;

/** Lowers a {@link ClientThrottle} allowance for a test, for addresses it has not seen yet. */
public final class Throttles {

    private Throttles() {
    }

    /** Closing it restores the allowance the application was configured with. */
    public static AutoCloseable lowered(ClientThrottle throttle, ClientThrottle.Action action, long perMinute,
            long perHour) {
        ClientThrottle.Limit configured = throttle.limitOf(action);
        throttle.limit(action, new ClientThrottle.Limit(perMinute, perHour));
        return () -> throttle.limit(action, configured);
    }
}
