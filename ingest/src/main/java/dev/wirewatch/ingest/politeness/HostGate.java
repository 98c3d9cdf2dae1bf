package dev.wirewatch.ingest.politeness;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Politeness per host: at most one request at a time to a host, and a minimum pause between the end of one request
 * and the start of the next (the configured delay, or the site's Crawl-delay when longer). Other hosts are not held
 * up.
 *
 * <p>Thread safe. Waiting threads queue fairly per host.
 */
public final class HostGate {

    /** A request to run under the gate. */
    @FunctionalInterface
    public interface Request<T, E extends Exception> {
        T run() throws E;
    }

    private final Duration minDelay;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock(true);
        long lastEnded = Long.MIN_VALUE;
    }

    public HostGate(Duration minDelay) {
        this.minDelay = minDelay;
    }

    /** Runs {@code request} to {@code url}'s host when it is that host's turn; {@code crawlDelay} may be null. */
    public <T, E extends Exception> T call(URI url, Duration crawlDelay, Request<T, E> request)
            throws E, InterruptedException {
        Duration delay = crawlDelay != null && crawlDelay.compareTo(minDelay) > 0 ? crawlDelay : minDelay;
        Slot slot = slots.computeIfAbsent(url.getHost() == null ? "" : url.getHost().toLowerCase(), h -> new Slot());
        slot.lock.lockInterruptibly();
        try {
            if (slot.lastEnded != Long.MIN_VALUE) {
                long wait = slot.lastEnded + delay.toNanos() - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            try {
                return request.run();
            } finally {
                slot.lastEnded = System.nanoTime();
            }
        } finally {
            slot.lock.unlock();
        }
    }
}
