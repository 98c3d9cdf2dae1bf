package dev.wirewatch.processing.triage;

import com.carrotsearch.hppc.LongObjectHashMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Postings kept in memory for about one window (the story keys', looked up only within the story window): two
 * epochs as long as the window each, so every posting of the last window is held and whatever is older goes an epoch
 * at a time, never by a scan.
 *
 * <p>Nothing here is written anywhere. What makes the postings durable is the article they come from: a task that
 * starts rebuilds both epochs from its retained articles ({@code source}: each article filed in an epoch, as its
 * keys), before its first look-up. In a store, each posting was an entry and a changelog record of its own, and the
 * story keys' look-ups a quarter of the single writer's store time (BENCHMARKS.md). The price is memory: 16 bytes a
 * posting (an article is filed under 20–32 keys) and, by estimate, about 80 a key filed in the epoch.
 *
 * <p>Postings come back oldest first: in the order they were added, and after a rebuild by filing time (articles
 * filed in the same millisecond under one key, by handle).
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

        /** By timestamp, then handle: the order after a rebuild. */
        void sort() {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> timestamp(a) != timestamp(b) ? Long.compare(timestamp(a), timestamp(b))
                    : Long.compare(handle(a), handle(b)));
            long[] sorted = new long[pairs.length];
            for (int i = 0; i < size; i++) {
                sorted[2 * i] = handle(order[i]);
                sorted[2 * i + 1] = timestamp(order[i]);
            }
            pairs = sorted;
        }
    }

    private final Source source;
    private final TwoEpochs<LongObjectHashMap<Entries>> epochs;

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
        epochs.roll(to);
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
            if (timestamp >= from && timestamp <= to) {
                found.add(new Posting(entries.handle(i), timestamp));
            }
        }
    }

    @Override
    public void add(long key, long handle, long timestamp) {
        epochs.roll(timestamp);
        // Time that ran back stays in the latest epoch, as the other in-memory state does.
        file(epochs.current(), key, handle, Math.max(timestamp, epochs.epochStart()));
    }

    private static void file(LongObjectHashMap<Entries> epoch, long key, long handle, long timestamp) {
        Entries entries = epoch.get(key);
        if (entries == null) {
            entries = new Entries();
            epoch.put(key, entries);
        }
        entries.add(handle, timestamp);
    }

    private LongObjectHashMap<Entries> read(long epoch) {
        LongObjectHashMap<Entries> postings = new LongObjectHashMap<>();
        source.forEach(epoch, epoch + epochs.epochMillis() - 1, filed -> {
            for (long key : filed.keys()) {
                file(postings, key, filed.handle(), filed.timestamp());
            }
        });
        postings.forEach((com.carrotsearch.hppc.procedures.LongObjectProcedure<Entries>) (key, e) -> e.sort());
        return postings;
    }

    private static long postings(LongObjectHashMap<Entries> epoch) {
        long n = 0;
        for (var e : epoch.values()) {
            n += e.value.size;
        }
        return n;
    }
}
