package dev.wirewatch.processing.triage;

import dev.wirewatch.model.Article;
import dev.wirewatch.processing.StoreSweep;
import java.time.Duration;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Duration SWEEP_EVERY = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(TriageProcessor.class);

    private final TriageSettings settings;
    private final Stores stores;
    private ProcessorContext<String, TriageStep> context;
    private KeyValueStore<String, Article> articles;
    private KeyValueStore<String, Decision> decisions;
    private KeyValueStore<String, TriageLedger.Pending> pending;
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
        this.pending = context.getStateStore(stores.pending());
        KeyValueStore<String, TriageLedger.Waiters> waiters = context.getStateStore(stores.waiters());
        this.ledger = new TriageLedger(settings.partitions(), table(pending), table(decisions), table(waiters));
        context.schedule(SWEEP_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> forgetExpired());
    }

    private static <V> TriageLedger.Table<V> table(KeyValueStore<String, V> store) {
        return new TriageLedger.Table<>() {
            @Override
            public V get(String key) {
                return store.get(key);
            }

            @Override
            public void put(String key, V value) {
                store.put(key, value);
            }

            @Override
            public void delete(String key) {
                store.delete(key);
            }
        };
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
                if (article == null) {
                    // Cannot happen while the carrier partition sends the article with its verdict; say so if it does.
                    LOG.error("triage decided {} but holds no article for it; nothing passed on", decision);
                    return;
                }
                context.forward(new Record<>(decision.articleId(),
                        new TriageStep(null, new Triaged(article, decision)), decision.timestamp()));
            }
        });
    }

    /**
     * Forgets decisions older than the retention (later articles then no longer find them as originals), and
     * verdicts still pending after it (only possible if the index's partition count changed under them).
     */
    private void forgetExpired() {
        long horizon = streamTime - settings.retention().toMillis();
        StoreSweep.deleteWhere(decisions, (id, d) -> d.timestamp() < horizon);
        StoreSweep.deleteWhere(pending, (id, p) -> {
            if (p.timestamp() < horizon) {
                LOG.warn("triage of {} never completed within the retention; dropped", id);
                articles.delete(id);
                return true;
            }
            return false;
        });
    }
}
