package dev.wirewatch.alerts.copies;

import dev.wirewatch.model.Duplicate;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * On how many other sites an article was republished: the distinct hosts of the copies processing dropped as
 * duplicates of it (from the {@code duplicates} audit topic), for "also on N sites" in alerts.
 *
 * <p>Thread safe: one thread adds, delivery threads read. Entries unseen for longer than the retention are dropped,
 * so memory follows the stories still alive.
 */
public final class CopyCounts {

    private final Duration retention;
    private final Map<String, Entry> byOriginal = new ConcurrentHashMap<>();

    private record Entry(Set<String> hosts, Instant lastSeen) {
    }

    public CopyCounts(Duration retention) {
        this.retention = retention;
    }

    public void add(Duplicate duplicate) {
        String host = host(duplicate.duplicateUrl());
        if (host == null) {
            return;
        }
        byOriginal.compute(duplicate.originalId(), (id, old) -> {
            Set<String> hosts = old == null ? new HashSet<>() : new HashSet<>(old.hosts());
            hosts.add(host);
            Instant seen = old == null || duplicate.detectedAt().isAfter(old.lastSeen()) ? duplicate.detectedAt()
                    : old.lastSeen();
            return new Entry(Set.copyOf(hosts), seen);
        });
    }

    /** Sites other than the original's own that republished article {@code originalId} (at {@code originalUrl}). */
    public int alsoOn(String originalId, String originalUrl) {
        Entry entry = byOriginal.get(originalId);
        if (entry == null) {
            return 0;
        }
        String own = host(originalUrl);
        return (int) entry.hosts().stream().filter(h -> !h.equals(own)).count();
    }

    /** Forgets originals whose last copy is older than the retention. */
    public void expire(Instant now) {
        Instant oldest = now.minus(retention);
        byOriginal.values().removeIf(e -> e.lastSeen().isBefore(oldest));
    }

    public int size() {
        return byOriginal.size();
    }

    /** The site of a URL: its host, lower case, without {@code www.}; null when it has none. */
    static String host(String url) {
        if (url == null) {
            return null;
        }
        try {
            String host = URI.create(url.trim()).getHost();
            if (host == null) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return null; // an audit record with a broken URL counts no site
        }
    }
}
