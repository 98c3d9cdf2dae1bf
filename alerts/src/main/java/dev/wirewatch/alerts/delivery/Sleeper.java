package dev.wirewatch.alerts.delivery;

import java.time.Duration;

/**
 * Waits: backoffs, rate limits and group windows go through it, so tests can record the waits instead of taking
 * them.
 */
@FunctionalInterface
public interface Sleeper {

    /** The real one. */
    Sleeper SYSTEM = d -> Thread.sleep(Math.max(0, d.toMillis()));

    void sleep(Duration duration) throws InterruptedException;
}
