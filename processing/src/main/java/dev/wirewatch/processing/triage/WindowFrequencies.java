package dev.wirewatch.processing.triage;

import com.carrotsearch.hppc.IntIntHashMap;
import dev.wirewatch.processing.story.DocumentFrequencies;
import java.time.Duration;

/**
 * Document frequencies in epochs of half the retention: a term's frequency is the number of articles that had it in
 * the current and the previous epoch, so what is older than about one retention window is forgotten.
 *
 * <p>The counts live in memory (a primitive map per epoch, 11–21 bytes a distinct term). What makes the current
 * epoch's durable is each article's term set, written once to a {@link EpochLog}; when an epoch closes, its counts
 * are written whole to a second log ({@link EpochCounts}: a few bytes a distinct term, where the term sets were about
 * 3 bytes a term of every article), so term sets need to be kept for one epoch only. A task that starts (after a
 * restart or a move) rebuilds the previous epoch from its counts and the current one from its term sets before its
 * first article; a closed epoch without counts (closed by an earlier build, or by none: the task stopped before the
 * next epoch's first article) is counted from its term sets and its counts written then. A store entry per (term,
 * epoch), updated for every term of every article, was about half the single writer's time. A term is the upper 32
 * bits of its key ({@link TermSets}); two terms share a count with probability about (distinct terms) / 2³², a few
 * in a thousand for millions of terms. An entry the rebuild cannot read is skipped and reported (its article counts
 * once less, or its chunk's terms are not counted).
 *
 * <p>Not thread safe: one triage owns it.
 */
final class WindowFrequencies implements DocumentFrequencies {

    private final EpochLog log;
    private final EpochLog closedEpochs;
    private final EpochMarkers fingerprints;
    private final Triage.Problems problems;
    private final TwoEpochs<Epoch> epochs;

    /** One epoch's counts: its articles, and for each term how many of them had it. */
    private static final class Epoch {
        private final IntIntHashMap terms = new IntIntHashMap();
        private long documents;

        void count(int[] distinct) {
            for (int term : distinct) {
                terms.addTo(term, 1);
            }
            documents++;
        }

        void count(EpochCounts.Chunk chunk) {
            for (int i = 0; i < chunk.terms().length; i++) {
                terms.addTo(chunk.terms()[i], chunk.counts()[i]);
            }
            documents += chunk.documents();
        }
    }

    /**
     * Term sets written to {@code log} (kept for one epoch: {@link #epochMillis}) and the counts of closed epochs to
     * {@code closedEpochs} (kept for two) for {@code retention}; fingerprints asked of {@code fingerprints};
     * {@code problems} told of log entries the rebuild cannot read.
     */
    WindowFrequencies(EpochLog log, EpochLog closedEpochs, Duration retention, EpochMarkers fingerprints,
                      Triage.Problems problems) {
        this.log = log;
        this.closedEpochs = closedEpochs;
        this.problems = problems;
        this.fingerprints = fingerprints;
        this.epochs = new TwoEpochs<>(epochMillis(retention), Epoch::new, this::read, this::readClosed, this::close,
                e -> e.documents, "document frequencies of two epochs");
    }

    /** The epoch length for {@code retention}: term sets are kept for one epoch, closed epochs' counts for two. */
    static long epochMillis(Duration retention) {
        return Math.max(1, retention.toMillis() / 2);
    }

    /** The start of the epoch {@code timestamp} falls in, for epochs of {@code epochMillis}. */
    static long epochStart(long timestamp, long epochMillis) {
        return Math.floorDiv(timestamp, epochMillis) * epochMillis;
    }

    @Override
    public long[] add(long[] keys, long timestamp) {
        epochs.roll(timestamp);
        Epoch current = epochs.current();
        Epoch previous = epochs.previous();
        int[] terms = TermSets.of(keys);
        current.count(terms);
        // filed within its epoch's range whatever the caller's clock did, so the rebuild finds it
        long epoch = epochs.epochStart();
        log.append(epoch, TermSets.encode(terms), Math.max(timestamp, epoch));
        long[] counts = new long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            int term = TermSets.term(keys[i]);
            counts[i] = current.terms.get(term) + previous.terms.get(term);
        }
        return counts;
    }

    /** Asked of the fingerprints' own markers ({@link EpochMarkers}), which may keep them for less time. */
    @Override
    public boolean[] seenBefore(long[] keys, long timestamp) {
        return fingerprints.seenBefore(keys, timestamp);
    }

    private Epoch read(long epoch) {
        Epoch counted = new Epoch();
        log.forEachReadable(epoch, epochs.epochMillis(), TermSets::decode, counted::count, "term-set", problems);
        return counted;
    }

    private Epoch readClosed(long epoch) {
        Epoch counted = new Epoch();
        boolean[] kept = {false};
        closedEpochs.forEachReadable(epoch, epochs.epochMillis(), EpochCounts::decode, chunk -> {
            kept[0] = true;
            counted.count(chunk);
        }, "epoch-counts", problems);
        if (kept[0]) {
            return counted;
        }
        Epoch fromTermSets = read(epoch);
        close(fromTermSets, epoch); // before its term sets expire
        return fromTermSets;
    }

    /** Keeps a closed epoch's counts, filed at its start, so that they expire with it. */
    private void close(Epoch epoch, long start) {
        for (byte[] chunk : EpochCounts.encode(epoch.terms, epoch.documents)) {
            closedEpochs.append(start, chunk, start);
        }
    }

    /** Articles counted in the two epochs, once an article was added. */
    @Override
    public long documents() {
        return epochs.current().documents + epochs.previous().documents;
    }
}
