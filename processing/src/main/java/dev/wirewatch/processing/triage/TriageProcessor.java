package dev.wirewatch.processing.triage;

import dev.wirewatch.model.Article;
import dev.wirewatch.processing.StoreSweep;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The ledger step: runs {@link TriageLedger} on the triage topic (keyed by article id), holds each article until
 * it is decided, and emits both the ledger's messages (back to the triage topic) and the decided articles.
 *
 * <p>One instance per task; not thread safe.
 */
public final class TriageProcessor implements Processor<String, TriageMessage, String, TriageStep> {

    /** The names of the stores this step uses. */
    public record Stores(String pending, String decisions, String waiters, String articles) {
    }

    /** The articles waiting on an article's decision. */
    public record Waiters(List<String> ids) {
    }

    private static final Duration SWEEP_EVERY = Duration.ofHours(1);

    private final TriageSettings settings;
    private final Stores stores;
    private ProcessorContext<String, TriageStep> context;
    private KeyValueStore<String, Article> articles;
    private KeyValueStore<String, Decision> decisions;
    private TriageLedger ledger;
    private long streamTime;

    public TriageProcessor(TriageSettings settings, Stores stores) {
        this.settings = settings;
        this.stores = stores;
    }

    @Override
    public void init(ProcessorContext<String, TriageStep> context) {
        this.context = context;
        this.articles = context.getStateStore(stores.articles());
        this.decisions = context.getStateStore(stores.decisions());
        KeyValueStore<String, TriageLedger.Pending> pending = context.getStateStore(stores.pending());
        KeyValueStore<String, Waiters> waiters = context.getStateStore(stores.waiters());
        this.ledger = new TriageLedger(settings.partitions(), new TriageLedger.Storage() {
            @Override
            public TriageLedger.Pending pending(String id) {
                return pending.get(id);
            }

            @Override
            public void putPending(String id, TriageLedger.Pending p) {
                pending.put(id, p);
            }

            @Override
            public void removePending(String id) {
                pending.delete(id);
            }

            @Override
            public Decision decision(String id) {
                return decisions.get(id);
            }

            @Override
            public void putDecision(Decision decision) {
                decisions.put(decision.articleId(), decision);
            }

            @Override
            public List<String> waiters(String id) {
                Waiters w = waiters.get(id);
                return w == null ? List.of() : w.ids();
            }

            @Override
            public void putWaiters(String id, List<String> ids) {
                waiters.put(id, new Waiters(ids));
            }

            @Override
            public void removeWaiters(String id) {
                waiters.delete(id);
            }
        });
        context.schedule(SWEEP_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> forgetExpired());
    }

    @Override
    public void process(Record<String, TriageMessage> record) {
        streamTime = Math.max(streamTime, record.timestamp());
        TriageMessage message = record.value();
        if (message.kind() == TriageMessage.Kind.PARTIAL && message.partial().article() != null) {
            Decision earlier = ledger.decisionOf(record.key());
            if (earlier != null) {
                // The same article delivered again (re-ingested): it passes on with the decision it had.
                context.forward(new Record<>(record.key(), new TriageStep(null,
                        new Triaged(message.partial().article(), earlier)), record.timestamp()));
                return;
            }
            articles.put(record.key(), message.partial().article());
            message = TriageMessage.partial(message.partial().withoutArticle());
        }
        ledger.handle(record.key(), message, new TriageLedger.Outbox() {
            @Override
            public void send(String key, TriageMessage m) {
                context.forward(record.withKey(key).withValue(new TriageStep(m, null)));
            }

            @Override
            public void decided(Decision decision) {
                Article article = articles.get(decision.articleId());
                articles.delete(decision.articleId());
                if (article != null) {
                    context.forward(new Record<>(decision.articleId(),
                            new TriageStep(null, new Triaged(article, decision)), decision.timestamp()));
                }
            }
        });
    }

    /** Forgets decisions older than the retention: later articles then no longer find them as originals. */
    private void forgetExpired() {
        long horizon = streamTime - settings.retention().toMillis();
        StoreSweep.deleteWhere(decisions, (id, d) -> d.timestamp() < horizon);
    }
}
