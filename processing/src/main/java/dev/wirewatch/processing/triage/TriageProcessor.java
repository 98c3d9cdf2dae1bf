package dev.wirewatch.processing.triage;

import dev.wirewatch.processing.story.StoryMethod;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The triage step: runs {@link Triage} on each item of its single input partition, in offset order, at the
 * task's stream time (the largest record timestamp seen, so triage time never runs backwards).
 *
 * <p>One instance per task, and there is one task: the input topic has one partition, so every decision is made in
 * one ordered place without asking any other. Not thread safe.
 */
public final class TriageProcessor implements Processor<String, TriageItem, String, TriageOutcome> {

    /** The names of the stores this step uses. */
    public record StoreNames(String contentHashes, String bands, String articles,
                             String termSets, String epochCounts, String fingerprintSets, String tallies) {
    }

    private final TriageSettings settings;
    private final StoryMethod<?, ?> method;
    private final StoreNames names;
    private final Timer timer;
    private final Triage.Problems problems;
    private ProcessorContext<String, TriageOutcome> context;
    private Triage<?, ?> triage;

    /** {@code timer} records the time each item takes here; {@code problems} hears of unreadable bytes. */
    public TriageProcessor(TriageSettings settings, StoryMethod<?, ?> method, StoreNames names, Timer timer,
                           Triage.Problems problems) {
        this.timer = timer;
        this.problems = problems;
        this.settings = settings;
        this.method = method;
        this.names = names;
    }

    @Override
    public void init(ProcessorContext<String, TriageOutcome> context) {
        this.context = context;
        StoreTriageStorage.Stores stores = new StoreTriageStorage.Stores(context.getStateStore(names.contentHashes()),
                context.getStateStore(names.bands()), context.getStateStore(names.articles()),
                context.getStateStore(names.termSets()), context.getStateStore(names.epochCounts()),
                context.getStateStore(names.fingerprintSets()),
                context.getStateStore(names.tallies()));
        this.triage = Triage.of(settings, method, StoreTriageStorage.of(stores, settings.retention(),
                settings.storyWindow(), Triage.storyKeysOf(method, problems), problems), problems);
    }

    @Override
    public void process(Record<String, TriageItem> record) {
        // The task's stream time is the largest timestamp it has seen (restored after a restart): never backwards.
        long now = Math.max(record.timestamp(), context.currentStreamTimeMs());
        long start = System.nanoTime();
        TriageOutcome outcome = triage.decide(record.value(), now);
        timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        context.forward(record.withValue(outcome).withTimestamp(now));
    }

    /**
     * How long the epoch-count (or fingerprint) store must keep entries: the current and the previous epoch of half
     * {@code retention}.
     */
    public static Duration twoEpochs(Duration retention) {
        return Duration.ofMillis(2 * WindowFrequencies.epochMillis(retention));
    }

    /** How long the term-set store must keep entries: the current epoch of half {@code retention}. */
    public static Duration oneEpoch(Duration retention) {
        return Duration.ofMillis(WindowFrequencies.epochMillis(retention));
    }
}
