package dev.wirewatch.processing.triage;

import java.util.function.LongFunction;
import java.util.function.ObjLongConsumer;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current and the previous epoch of some in-memory state (epochs of a fixed length, by triage time), so that
 * what is older than two epochs is forgotten a whole epoch at a time: the shape of the document frequencies and the
 * edge fingerprints. The first time a task asks, both epochs are rebuilt from what the task's logs hold; after that
 * an epoch that begins moves the current one to the previous place, telling its owner that it closed (or, after a
 * gap, drops both). Time that runs back stays in the latest epoch.
 *
 * <p>Not thread safe: one triage owns it.
 */
final class TwoEpochs<S> {

    private static final Logger LOG = LoggerFactory.getLogger(TwoEpochs.class);

    private final long epochMillis;
    private final Supplier<S> empty;
    private final LongFunction<S> rebuild;
    private final LongFunction<S> rebuildClosed;
    private final ObjLongConsumer<S> closed;
    private final ToLongFunction<S> size;
    private final String what;
    private boolean started;
    private long epochStart;
    private S current;
    private S previous;

    /**
     * Epochs of {@code epochMillis}; {@code rebuild} reads an epoch (by its start) back from the log, {@code size}
     * says how much it holds, for the start-up log line ("{@code what} rebuilt").
     */
    TwoEpochs(long epochMillis, Supplier<S> empty, LongFunction<S> rebuild, ToLongFunction<S> size, String what) {
        this(epochMillis, empty, rebuild, rebuild, (state, start) -> { }, size, what);
    }

    /**
     * As above, but the previous epoch is rebuilt by {@code rebuildClosed} (from what {@code closed} kept of it), and
     * {@code closed} hears of each epoch that closes as the next begins, with its start.
     */
    TwoEpochs(long epochMillis, Supplier<S> empty, LongFunction<S> rebuild, LongFunction<S> rebuildClosed,
              ObjLongConsumer<S> closed, ToLongFunction<S> size, String what) {
        this.epochMillis = epochMillis;
        this.empty = empty;
        this.rebuild = rebuild;
        this.rebuildClosed = rebuildClosed;
        this.closed = closed;
        this.size = size;
        this.what = what;
        this.current = empty.get();
        this.previous = empty.get();
    }

    /** Moves to the epoch of {@code timestamp}, rebuilding both epochs at the first call. */
    void roll(long timestamp) {
        long epoch = WindowFrequencies.epochStart(timestamp, epochMillis);
        if (!started) {
            long begun = System.nanoTime();
            previous = epoch - epochMillis >= 0 ? rebuildClosed.apply(epoch - epochMillis) : empty.get();
            current = epoch >= 0 ? rebuild.apply(epoch) : empty.get();
            epochStart = epoch;
            started = true;
            long held = size.applyAsLong(previous) + size.applyAsLong(current);
            if (held > 0) {
                LOG.info("{} rebuilt from {} in {} ms", what, held, (System.nanoTime() - begun) / 1_000_000);
            }
        } else if (epoch > epochStart) {
            if (epoch == epochStart + epochMillis) {
                closed.accept(current, epochStart);
                previous = current;
            } else {
                previous = empty.get();
            }
            current = empty.get();
            epochStart = epoch;
        }
    }

    S current() {
        return current;
    }

    S previous() {
        return previous;
    }

    long epochMillis() {
        return epochMillis;
    }

    /** The start of the current epoch: where its log entries are filed. */
    long epochStart() {
        return epochStart;
    }
}
