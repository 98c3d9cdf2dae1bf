package dev.wirewatch.processing;

import dev.wirewatch.processing.mention.MentionOutcome;
import dev.wirewatch.processing.triage.Decision;
import dev.wirewatch.processing.triage.Triage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processing topology's domain meters (names as exported to Prometheus are listed in the README).
 *
 * <p>Thread safe. Under exactly-once processing a task that is retried after a failure counts its records again,
 * so these are "processed" counts, not exact output counts; the output topics are the truth.
 */
public final class ProcessingMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessingMetrics.class);

    private final Counter articlesIn;
    private final Counter storiesJoined;
    private final MeterRegistry registry;
    private final AtomicLong mentions = new AtomicLong();
    private final Counter stories;
    private final Counter deadLetters;
    private final Set<String> unreadableLogged = ConcurrentHashMap.newKeySet();

    public ProcessingMetrics(MeterRegistry registry) {
        this.registry = registry;
        articlesIn = Counter.builder("wirewatch.processing.articles").description("articles decoded")
                .register(registry);
        stories = Counter.builder("wirewatch.stories").description("stories started: original articles that joined "
                + "no earlier story").register(registry);
        storiesJoined = Counter.builder("wirewatch.stories.joined").description("original articles that joined an "
                + "earlier article's story").register(registry);
        deadLetters = Counter.builder("wirewatch.dead.letters").description("records sent to the dead-letter topic")
                .tag("stage", "processing").register(registry);
        for (String rule : List.of(Decision.EXACT_CONTENT, "near-copy-jaccard", "near-copy-containment")) {
            duplicates(rule); // at zero from the start, so a dashboard shows 0 rather than no data
        }
        List.of("features", "profile").forEach(this::unreadable);
    }

    void articleIn() {
        articlesIn.increment();
    }

    /** Counts a decision made for the first time: a copy by its rule, else a story started or joined. */
    void decided(Decision decision) {
        if (decision.isCopy()) {
            duplicates(decision.rule()).increment();
        } else if (decision.storyId().equals(decision.articleId())) {
            stories.increment();
        } else {
            storiesJoined.increment();
        }
    }

    private Counter duplicates(String rule) {
        return Counter.builder("wirewatch.duplicates.dropped").description("articles dropped as copies, by the rule "
                + "that decided").tag("reason", rule).register(registry);
    }

    /** Counts a first-mention outcome: emitted, or dropped because its story already mentioned the topic. */
    void mention(MentionOutcome outcome) {
        String topic = outcome.count().topicId();
        if (outcome.first() != null) {
            mentions.incrementAndGet();
            Counter.builder("wirewatch.mentions").description("first mentions emitted, by tracked topic")
                    .tag("topic", topic).register(registry).increment();
        } else {
            Counter.builder("wirewatch.mentions.repeated")
                    .description("mentions dropped because their story already mentioned the topic")
                    .tag("topic", topic).register(registry).increment();
        }
    }

    /**
     * The time each article spends in a processing step ({@code compute-features}, {@code match-topics},
     * {@code triage}): what the parallel steps and the single writer cost per article.
     */
    Timer step(String step) {
        return Timer.builder("wirewatch.processing.step").description("time spent per record in a processing step")
                .tag("step", step).register(registry);
    }

    private Counter unreadable(String what) {
        return Counter.builder("wirewatch.triage.unreadable").description("bytes triage could not read (another "
                + "method's or version's): features (the article starts its own story), a retained profile (that "
                + "candidate is skipped), a term set or a fingerprint set (skipped when rebuilt at start-up)")
                .tag("what", what).register(registry);
    }

    /** Counts what triage could not read, and logs the first of each kind with its article. */
    Triage.Problems triageProblems() {
        return (what, articleId, reason) -> {
            if (unreadableLogged.add(what)) {
                LOG.warn("triage cannot read the {} of article {} ({}); counting further ones in "
                        + "wirewatch_triage_unreadable_total without logging them", what, articleId, reason);
            }
            unreadable(what).increment();
        };
    }

    public void deadLettered() {
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
