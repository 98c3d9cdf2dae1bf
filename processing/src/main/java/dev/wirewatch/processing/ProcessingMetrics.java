package dev.wirewatch.processing;

import dev.wirewatch.processing.triage.CandidateIndexProcessor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
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
    private final Counter storiesJoined;
    private final Counter outOfOrder;
    private final AtomicLong held = new AtomicLong();
    private final MeterRegistry registry;
    private final AtomicLong mentions = new AtomicLong();
    private final Counter stories;
    private final Counter deadLetters;

    public ProcessingMetrics(MeterRegistry registry) {
        this.registry = registry;
        articlesIn = Counter.builder("wirewatch.processing.articles").description("articles decoded")
                .register(registry);
        stories = Counter.builder("wirewatch.stories").description("stories started: original articles that joined "
                + "no earlier story").register(registry);
        storiesJoined = Counter.builder("wirewatch.stories.joined").description("original articles that joined an "
                + "earlier article's story").register(registry);
        outOfOrder = Counter.builder("wirewatch.triage.out.of.order").description("articles that reached the "
                + "candidate index more than the ordering grace after a later one (their decisions may differ by "
                + "partition count)").register(registry);
        Gauge.builder("wirewatch.triage.held", held, AtomicLong::get).description("articles held by the candidate "
                + "index for the ordering grace").register(registry);
        deadLetters = Counter.builder("wirewatch.dead.letters").description("records sent to the dead-letter topic")
                .tag("stage", "processing").register(registry);
    }

    void articleIn() {
        articlesIn.increment();
    }

    void duplicateDropped(String reason) {
        Counter.builder("wirewatch.duplicates.dropped").description("articles dropped as copies, by the rule that "
                + "decided").tag("reason", reason).register(registry).increment();
    }

    void storyJoined() {
        storiesJoined.increment();
    }

    /** The candidate index's callbacks. */
    CandidateIndexProcessor.Events indexEvents() {
        return new CandidateIndexProcessor.Events() {
            @Override
            public void outOfOrder() {
                outOfOrder.increment();
            }

            @Override
            public void held(int delta) {
                held.addAndGet(delta);
            }
        };
    }

    /** Articles the candidate index holds now: not yet decided though no topic lags. */
    public long held() {
        return held.get();
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

    /** Articles dropped as copies (exact or near) so far. */
    public long duplicatesDropped() {
        return (long) registry.find("wirewatch.duplicates.dropped").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    /** Mentions emitted so far. */
    public long mentionsEmitted() {
        return mentions.get();
    }
}
