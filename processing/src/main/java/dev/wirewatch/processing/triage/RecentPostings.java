package dev.wirewatch.processing.triage;

import com.carrotsearch.hppc.LongObjectHashMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Postings kept in memory for about one window (the story keys', looked up only within the story window): two
 * epochs as long as the window each, so every posting of the last window is held and whatever is older goes an epoch
 * at a time, never by a scan.
 *
 * <p>Nothing here is written anywhere. What makes the postings durable is the article they come from: a task that
 * starts rebuilds them from its retained articles ({@code source}: each article filed in a time range, with its
 * keys) before its first look-up, reading only the last window (older postings would never be asked for again).
 * In a store, each posting was an entry and a changelog record of its own, and the story keys' look-ups a quarter
 * of the single writer's store time (BENCHMARKS.md). The price is memory: 16 bytes a posting (an article is filed
 * under 18–32 keys), for up to two windows, and by estimate about 80 bytes a key filed in an epoch.
 *
 * <p>Postings come back oldest first: in the order they were added, and after a rebuild by filing time (articles
 * filed in the same millisecond under one key, by handle). The rebuild assumes what triage guarantees: time never
 * runs back, so every retained article was filed no later than the first look-up after a start.
 *
 * <p>Not thread safe: one triage owns it.
 */
final class RecentPostings implements Postings {

    /** One article's keys, filed at {@code timestamp}: what the rebuild reads back. */
    record Filed(long handle, long timestamp, long[] keys) {
    }

    /** What a rebuild reads: each article filed in [{@code from}, {@code to}], any order. */
    interface Source {
        void forEach(long from, long to, Consumer<Filed> filed);
    }

    /** One key's postings, as (handle, timestamp) pairs in one array. */
    private static final class Entries {
        private long[] pairs = new long[4];
        private int size;

        void add(long handle, long timestamp) {
            if (2 * size == pairs.length) {
                pairs = Arrays.copyOf(pairs, pairs.length * 2);
            }
            pairs[2 * size] = handle;
            pairs[2 * size + 1] = timestamp;
            size++;
        }

        long handle(int i) {
            return pairs[2 * i];
        }

        long timestamp(int i) {
            return pairs[2 * i + 1];
        }
    }

    private final Source source;
    private final TwoEpochs<LongObjectHashMap<Entries>> epochs;
    /** What the rebuild reads from: one window before the first look-up's time; unset until then. */
    private long rebuildFrom = Long.MIN_VALUE;

    /** Postings of about {@code window}, rebuilt from {@code source} when first asked. */
    RecentPostings(Duration window, Source source) {
        this.source = source;
        this.epochs = new TwoEpochs<>(window.toMillis(), LongObjectHashMap::new, this::read,
                RecentPostings::postings, "story-key postings");
    }

    @Override
    public List<Posting> find(long key, long from, long to) {
        return latest(key, from, to, Integer.MAX_VALUE);
    }

    @Override
    public List<Posting> latest(long key, long from, long to, int limit) {
        roll(to);
        List<Posting> found = new ArrayList<>(Math.min(limit, 16));
        collect(epochs.current().get(key), from, to, limit, found);
        collect(epochs.previous().get(key), from, to, limit, found);
        Collections.reverse(found);
        return found;
    }

    /** Newest first into {@code found}, up to {@code limit} in all. */
    private static void collect(Entries entries, long from, long to, int limit, List<Posting> found) {
        for (int i = entries == null ? -1 : entries.size - 1; i >= 0 && found.size() < limit; i--) {
            long timestamp = entries.timestamp(i);
            if (timestamp < from) {
                return; // in filing order: all before it are older still
            }
            if (timestamp <= to) {
                found.add(new Posting(entries.handle(i), timestamp));
            }
        }
    }

    @Override
    public void add(long key, long handle, long timestamp) {
        roll(timestamp);
        file(epochs.current(), key, handle, timestamp); // time that ran back stays in the latest epoch
    }

    private void roll(long timestamp) {
        if (rebuildFrom == Long.MIN_VALUE) {
            rebuildFrom = timestamp - epochs.epochMillis(); // an epoch is one window
        }
        epochs.roll(timestamp);
    }

    private static void file(LongObjectHashMap<Entries> epoch, long key, long handle, long timestamp) {
        Entries entries = epoch.get(key);
        if (entries == null) {
            entries = new Entries();
            epoch.put(key, entries);
        }
        entries.add(handle, timestamp);
    }

    /** An epoch's postings of the last window, filed in filing order (then by handle), as the store kept them. */
    private LongObjectHashMap<Entries> read(long epoch) {
        LongObjectHashMap<Entries> postings = new LongObjectHashMap<>();
        long from = Math.max(epoch, rebuildFrom);
        long to = epoch + epochs.epochMillis() - 1;
        if (from > to) {
            return postings;
        }
        List<Filed> articles = new ArrayList<>();
        source.forEach(from, to, articles::add);
        articles.sort(BY_FILING);
        for (Filed filed : articles) {
            for (long key : filed.keys()) {
                file(postings, key, filed.handle(), filed.timestamp());
            }
        }
        return postings;
    }

    private static final Comparator<Filed> BY_FILING = Comparator.comparingLong(Filed::timestamp)
            .thenComparingLong(Filed::handle);

    private static long postings(LongObjectHashMap<Entries> epoch) {
        long n = 0;
        for (var e : epoch.values()) {
            n += e.value.size;
        }
        return n;
    }
}
