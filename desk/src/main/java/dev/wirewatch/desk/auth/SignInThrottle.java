package dev.wirewatch.desk.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@value #MAX_FAILURES} failed sign-ins for one name, or from one address, within
 * {@link #WINDOW}, further attempts for it are refused until the oldest failure leaves the window. A success clears
 * the name's failures.
 *
 * <p>Thread safe. Holds at most {@value #MAX_KEYS} names and addresses (the oldest are forgotten first), so a flood
 * of made-up names cannot fill the memory.
 */
public final class SignInThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int MAX_KEYS = 10_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** True when neither the name nor the address may try again yet. */
    public boolean blocked(String name, String address) {
        return tooMany("user:" + name) || tooMany("ip:" + address);
    }

    /** Counts a failed sign-in against both the name and the address. */
    public void failed(String name, String address) {
        if (failures.size() >= MAX_KEYS) {
            failures.clear();
        }
        Instant now = clock.instant();
        for (String key : new String[] {"user:" + name, "ip:" + address}) {
            Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                times.addLast(now);
                while (times.size() > MAX_FAILURES) {
                    times.removeFirst();
                }
            }
        }
    }

    /** Clears the name's failures after a successful sign-in. */
    public void succeeded(String name) {
        failures.remove("user:" + name);
    }

    private boolean tooMany(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return false;
        }
        Instant since = clock.instant().minus(WINDOW);
        synchronized (times) {
            times.removeIf(t -> t.isBefore(since));
            return times.size() >= MAX_FAILURES;
        }
    }
}
