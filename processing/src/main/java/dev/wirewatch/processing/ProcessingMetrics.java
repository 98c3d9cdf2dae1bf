package dev.wirewatch.processing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The processing topology's domain meters (names as exported to Prometheus are listed in the README).
 *
 * <p>Thread safe. Under exactly-once processing a task that is retried after a failure counts its records again,
 * so these are "processed" counts, not exact output counts; the output topics are the truth.
 */
public final class ProcessingMetrics {

    private final Counter articlesIn;
    private final Counter duplicates;
    private final MeterRegistry registry;
    private final AtomicLong mentions = new AtomicLong();
    private final Counter stories;
    private final Counter deadLetters;

    public ProcessingMetrics(MeterRegistry registry) {
        this.registry = registry;
        articlesIn = Counter.builder("wirewatch.processing.articles").description("articles decoded")
                .register(registry);
        duplicates = Counter.builder("wirewatch.duplicates.dropped").description("articles dropped as copies")
                .tag("reason", "exact-content").register(registry);
        stories = Counter.builder("wirewatch.stories").description("stories started (an original article each, "
                + "until story clustering groups rewrites)").register(registry);
        deadLetters = Counter.builder("wirewatch.dead.letters").description("records sent to the dead-letter topic")
                .tag("stage", "processing").register(registry);
    }

    void articleIn() {
        articlesIn.increment();
    }

    void duplicateDropped() {
        duplicates.increment();
    }

    void storyStarted() {
        stories.increment();
    }

    void mentionEmitted(String topic) {
        mentions.incrementAndGet();
        Counter.builder("wirewatch.mentions").description("first mentions emitted, by tracked topic")
                .tag("topic", topic).register(registry).increment();
    }

    void mentionRepeated(String topic) {
        Counter.builder("wirewatch.mentions.repeated")
                .description("mentions dropped because their story already mentioned the topic")
                .tag("topic", topic).register(registry).increment();
    }

    void deadLettered() {
        deadLetters.increment();
    }

    /** Articles dropped as copies so far. */
    public long duplicatesDropped() {
        return (long) duplicates.count();
    }

    /** Mentions emitted so far. */
    public long mentionsEmitted() {
        return mentions.get();
    }
}
