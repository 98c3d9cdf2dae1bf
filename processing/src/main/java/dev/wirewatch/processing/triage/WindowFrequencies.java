package dev.wirewatch.processing.triage;

import com.carrotsearch.hppc.IntIntHashMap;
import dev.wirewatch.processing.story.DocumentFrequencies;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Document frequencies in epochs of half the retention: a term's frequency is the number of articles that had it in
 * the current and the previous epoch, so what is older than about one retention window is forgotten.
 *
 * <p>The counts live in memory (a primitive map per epoch, 11–21 bytes a distinct term); what makes them durable
 * is each article's term set, written once to a {@link TermSetLog}, from which a task that starts (after a restart
 * or a move) rebuilds the two epochs' counts before its first article. A store entry per (term, epoch), updated
 * for every term of every article, was about half the single writer's time. A term is the upper 32 bits of its key
 * ({@link TermSets}); two terms share a count with probability about (distinct terms) / 2³², a few in a thousand
 * for millions of terms. An entry the rebuild cannot read is skipped and reported (its article counts once less).
 *
 * <p>Not thread safe: one triage owns it.
 */
final class WindowFrequencies implements DocumentFrequencies {

    private static final Logger LOG = LoggerFactory.getLogger(WindowFrequencies.class);

    private final TermSetLog log;
    private final long epochMillis;
    private final EpochMarkers fingerprints;
    private final Triage.Problems problems;
    private boolean started;
    private long epochStart;
    private Epoch current = new Epoch();
    private Epoch previous = new Epoch();

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
    }

    /**
     * Term sets written to {@code log} for {@code retention}; fingerprints asked of {@code fingerprints};
     * {@code problems} told of log entries the rebuild cannot read.
     */
    WindowFrequencies(TermSetLog log, Duration retention, EpochMarkers fingerprints, Triage.Problems problems) {
        this.log = log;
        this.problems = problems;
        this.epochMillis = epochMillis(retention);
        this.fingerprints = fingerprints;
    }

    /** The epoch length for {@code retention}; the log must retain two epochs. */
    static long epochMillis(Duration retention) {
        return Math.max(1, retention.toMillis() / 2);
    }

    /** The start of the epoch {@code timestamp} falls in, for epochs of {@code epochMillis}. */
    static long epochStart(long timestamp, long epochMillis) {
        return Math.floorDiv(timestamp, epochMillis) * epochMillis;
    }

    @Override
    public long[] add(long[] keys, long timestamp) {
        roll(timestamp);
        int[] terms = TermSets.of(keys);
        current.count(terms);
        // filed within its epoch's range whatever the caller's clock did, so the rebuild finds it
        log.append(epochStart, TermSets.encode(terms), Math.max(timestamp, epochStart));
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

    private void roll(long timestamp) {
        long epoch = epochStart(timestamp, epochMillis);
        if (!started) { // this task's first article: the counts so far are in the log
            long begun = System.nanoTime();
            previous = read(epoch - epochMillis);
            current = read(epoch);
            epochStart = epoch;
            started = true;
            if (documents() > 0) {
                LOG.info("document frequencies rebuilt from {} term sets in {} ms", documents(),
                        (System.nanoTime() - begun) / 1_000_000);
            }
        } else if (epoch > epochStart) {
            previous = epoch == epochStart + epochMillis ? current : new Epoch();
            current = new Epoch();
            epochStart = epoch;
        }
    }

    private Epoch read(long epoch) {
        Epoch counted = new Epoch();
        if (epoch >= 0) {
            log.forEach(epoch, epoch, epoch + epochMillis - 1, (timestamp, bytes) -> {
                try {
                    counted.count(TermSets.decode(bytes));
                } catch (IllegalArgumentException e) {
                    problems.unreadable("term-set", "filed at " + Instant.ofEpochMilli(timestamp), e.getMessage());
                }
            });
        }
        return counted;
    }

    /** Articles counted in the two epochs, once an article was added. */
    @Override
    public long documents() {
        return current.documents + previous.documents;
    }
}
