package dev.wirewatch.processing;

import dev.wirewatch.processing.triage.CandidateIndex;
import dev.wirewatch.processing.triage.Decision;
import dev.wirewatch.processing.triage.Partial;
import dev.wirewatch.processing.triage.Sketch;
import dev.wirewatch.processing.triage.Sketcher;
import dev.wirewatch.processing.triage.TriageLedger;
import dev.wirewatch.processing.triage.TriageMessage;
import dev.wirewatch.processing.triage.TriageSettings;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Decides, for each article in arrival order, whether it is a near-copy of one seen before and which story it
 * belongs to, by the same steps as the topology with a single partition: sketch, probe the candidate index, settle
 * the verdict in the ledger (its messages delivered at once, in memory).
 *
 * <p>Kafka-free; not thread safe. This is what {@code wirewatch dedup} runs.
 */
public final class ArticleTriage {

    private final Sketcher sketcher;
    private final CandidateIndex index;
    private final TriageLedger ledger;
    private long arrivals;

    public ArticleTriage(TriageSettings settings) {
        TriageSettings single = settings.withPartitions(1);
        this.sketcher = new Sketcher(single.duplicates());
        this.index = new CandidateIndex(single, CandidateIndex.inMemory());
        this.ledger = TriageLedger.inMemory(1);
    }

    public static ArticleTriage withDefaults() {
        return new ArticleTriage(TriageSettings.defaults(1));
    }

    /** Triage of one article; {@code title} and {@code publishedAt} may be null. */
    public Decision triage(String id, String title, String text, Instant publishedAt) {
        Decision earlier = ledger.decisionOf(id);
        if (earlier != null) {
            return earlier; // the same id again: the same answer, and the index is not filed twice
        }
        Sketch sketch = sketcher.sketch(id, arrivals++, publishedAt, title, text);
        Partial partial = Partial.of(sketch, 0, index.probeAndRetain(sketch, key -> true), null);
        Deque<Map.Entry<String, TriageMessage>> inbox = new ArrayDeque<>();
        inbox.add(Map.entry(id, TriageMessage.partial(partial)));
        Decision[] mine = new Decision[1];
        TriageLedger.Outbox out = new TriageLedger.Outbox() {
            @Override
            public void send(String key, TriageMessage message) {
                inbox.add(Map.entry(key, message));
            }

            @Override
            public void decided(Decision decision) {
                if (decision.articleId().equals(id)) {
                    mine[0] = decision;
                }
            }
        };
        while (!inbox.isEmpty()) {
            Map.Entry<String, TriageMessage> next = inbox.poll();
            ledger.handle(next.getKey(), next.getValue(), out);
        }
        return mine[0];
    }
}
