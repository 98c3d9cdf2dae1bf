package dev.wirewatch.processing.triage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The candidate-index step: holds each arriving article for the ordering grace, then probes and files the held
 * ones in triage order (timestamp, then id), and sends this partition's verdict on each to the ledger.
 *
 * <p>The grace is what makes the decisions independent of the partition count: an article written to another
 * input partition slightly before a copy of it reaches this partition after the copy, and is still indexed first.
 * One instance per task; not thread safe.
 */
public final class CandidateIndexProcessor implements Processor<String, SketchedArticle, String, TriageMessage> {

    /** The names of the stores this step uses. */
    public record Stores(String buffer, String bands, String terms, String articles, String frequencies) {
    }

    /** An article held for the ordering grace, with the wall-clock time it arrived. */
    public record Held(SketchedArticle item, long arrivedAt) {
    }

    /** Callbacks for metrics. */
    public interface Events {
        void outOfOrder();

        void held(int delta);
    }

    private static final Duration SWEEP_EVERY = Duration.ofHours(1);

    private final TriageSettings settings;
    private final Stores stores;
    private final Events events;
    private ProcessorContext<String, TriageMessage> context;
    private KeyValueStore<String, Held> buffer;
    private CandidateIndex index;
    private StoreFrequencies frequencies;
    private LongPredicate owned;
    private int partition;
    private String lastOrder = "";
    private int heldHere;

    public CandidateIndexProcessor(TriageSettings settings, Stores stores, Events events) {
        this.settings = settings;
        this.stores = stores;
        this.events = events;
    }

    @Override
    public void init(ProcessorContext<String, TriageMessage> context) {
        this.context = context;
        this.partition = context.taskId().partition();
        this.buffer = context.getStateStore(stores.buffer());
        this.frequencies = new StoreFrequencies(context.getStateStore(stores.frequencies()), settings.retention());
        this.index = new CandidateIndex(settings, StoreIndexStorage.of(context.getStateStore(stores.bands()),
                context.getStateStore(stores.terms()), context.getStateStore(stores.articles()), frequencies));
        int partitions = settings.partitions();
        this.owned = key -> Bands.partitionOf(key, partitions) == partition;
        try (KeyValueIterator<String, Held> held = buffer.all()) {
            held.forEachRemaining(kv -> changeHeld(1)); // held before a restart or a move count as held here
        }
        if (!settings.orderingGrace().isZero()) {
            Duration tick = settings.orderingGrace().dividedBy(4).compareTo(Duration.ofMillis(50)) < 0
                    ? Duration.ofMillis(50) : settings.orderingGrace().dividedBy(4);
            context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, this::release);
        }
        context.schedule(SWEEP_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> frequencies.forgetOld());
    }

    @Override
    public void process(Record<String, SketchedArticle> record) {
        // Triage order is the order articles entered Kafka (the articles record's timestamp, which repartitioning
        // keeps): a page fetched early but produced late must not count as earlier than what others sent meanwhile.
        Sketch sketch = record.value().sketch().at(record.timestamp());
        SketchedArticle item = new SketchedArticle(sketch, record.value().article());
        if (settings.orderingGrace().isZero()) {
            probe(item);
            return;
        }
        if (buffer.putIfAbsent(orderKey(sketch), new Held(item, context.currentSystemTimeMs())) == null) {
            changeHeld(1);
        }
    }

    /** Probes, in triage order, the held articles that have waited out the grace. */
    private void release(long now) {
        long due = now - settings.orderingGrace().toMillis();
        List<KeyValue<String, Held>> ready = new ArrayList<>();
        try (KeyValueIterator<String, Held> held = buffer.all()) {
            held.forEachRemaining(kv -> {
                if (kv.value.arrivedAt() <= due) {
                    ready.add(kv);
                }
            });
        }
        for (KeyValue<String, Held> kv : ready) {
            probe(kv.value.item());
            buffer.delete(kv.key);
            changeHeld(-1);
        }
    }

    private void changeHeld(int delta) {
        heldHere += delta;
        events.held(delta);
    }

    /** The held articles stay in the changelogged buffer; whoever takes the task over counts them. */
    @Override
    public void close() {
        events.held(-heldHere);
        heldHere = 0;
    }

    private void probe(SketchedArticle item) {
        Sketch sketch = item.sketch();
        String order = orderKey(sketch);
        if (order.compareTo(lastOrder) < 0) {
            events.outOfOrder(); // arrived more than the grace after an article it precedes
        } else {
            lastOrder = order;
        }
        CandidateIndex.Probe probe = index.probeAndRetain(sketch, owned);
        boolean carrier = Bands.partitionOf(Bands.handle(sketch.id()), settings.partitions()) == partition;
        context.forward(new Record<>(sketch.id(),
                TriageMessage.partial(Partial.of(sketch, partition, probe, carrier ? item.article() : null)),
                sketch.timestamp()));
    }

    /** A key that sorts as the triage order: zero-padded timestamp, then id. */
    static String orderKey(Sketch sketch) {
        return String.format("%019d/%s", Math.max(0, sketch.timestamp()), sketch.id());
    }
}
