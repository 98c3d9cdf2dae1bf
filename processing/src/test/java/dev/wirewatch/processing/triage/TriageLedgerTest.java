package dev.wirewatch.processing.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.processing.dedup.NearCopy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TriageLedgerTest {

    private static final int PARTITIONS = 3;

    /** Delivers messages in a shuffled order, as partitions would, and collects decisions. */
    private static final class Network implements TriageLedger.Outbox {
        final TriageLedger ledger = TriageLedger.inMemory(PARTITIONS);
        final List<Map.Entry<String, TriageMessage>> inFlight = new ArrayList<>();
        final Map<String, Decision> decided = new HashMap<>();
        final Random random;

        Network(long seed) {
            random = new Random(seed);
        }

        @Override
        public void send(String key, TriageMessage message) {
            inFlight.add(Map.entry(key, message));
        }

        @Override
        public void decided(Decision decision) {
            decided.put(decision.articleId(), decision);
        }

        void deliverAll() {
            while (!inFlight.isEmpty()) {
                Map.Entry<String, TriageMessage> next = inFlight.remove(random.nextInt(inFlight.size()));
                ledger.handle(next.getKey(), next.getValue(), this);
            }
        }
    }

    private static Partial partial(String id, long ts, int partition, NearCopy copy, StoryLink story) {
        return new Partial(id, ts, partition, copy, story, copy == null ? 0.1 : copy.similarity(), null);
    }

    /** a ← b copies a (found on partition 1), c joins b's story (found on partition 2), d copies c. */
    private static List<Map.Entry<String, TriageMessage>> chain() {
        List<Map.Entry<String, TriageMessage>> messages = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            messages.add(Map.entry("a", TriageMessage.partial(partial("a", 1, p, null, null))));
            messages.add(Map.entry("b", TriageMessage.partial(partial("b", 2, p,
                    p == 1 ? new NearCopy("a", 0.8, "jaccard") : null, null))));
            messages.add(Map.entry("c", TriageMessage.partial(partial("c", 3, p, null,
                    p == 2 ? new StoryLink("b", 0.5) : p == 0 ? new StoryLink("a", 0.4) : null))));
            messages.add(Map.entry("d", TriageMessage.partial(partial("d", 4, p,
                    p == 0 ? new NearCopy("c", 0.7, "jaccard") : null, null))));
        }
        return messages;
    }

    @Test
    void decisionsDoNotDependOnTheOrderMessagesArriveIn() {
        for (long seed = 0; seed < 50; seed++) {
            Network network = new Network(seed);
            List<Map.Entry<String, TriageMessage>> partials = chain();
            Collections.shuffle(partials, new Random(seed));
            // Partials in any order; asks and answers in any order among themselves. An ask never overtakes a
            // partial of the article it asks about: the asker's partial left the same index partition later.
            partials.forEach(m -> network.ledger.handle(m.getKey(), m.getValue(), network));
            network.deliverAll();

            assertEquals(4, network.decided.size(), "seed " + seed);
            assertNull(network.decided.get("a").duplicateOf());
            assertEquals("a", network.decided.get("a").storyId());
            assertEquals("a", network.decided.get("b").duplicateOf());
            assertEquals("a", network.decided.get("b").storyId());
            assertNull(network.decided.get("c").duplicateOf());
            assertEquals("a", network.decided.get("c").storyId(), "c joins b's story, which is a's");
            assertEquals(0.5, network.decided.get("c").storySimilarity(), "the closest link wins");
            assertEquals("c", network.decided.get("d").duplicateOf(), "c is an original, so d's original");
            assertEquals("a", network.decided.get("d").storyId());
        }
    }

    @Test
    void noDecisionBeforeEveryPartitionHasSpoken() {
        Network network = new Network(1);
        network.ledger.handle("a", TriageMessage.partial(partial("a", 1, 0, null, null)), network);
        network.ledger.handle("a", TriageMessage.partial(partial("a", 1, 0, null, null)), network);
        network.ledger.handle("a", TriageMessage.partial(partial("a", 1, 2, null, null)), network);
        assertTrue(network.decided.isEmpty(), "a partition heard twice is still one partition");
        network.ledger.handle("a", TriageMessage.partial(partial("a", 1, 1, null, null)), network);
        assertEquals("a", network.decided.get("a").storyId());
    }

    @Test
    void anAskForAnArticleNoLongerRetainedFallsBackToItsId() {
        Network network = new Network(2);
        for (int p = 0; p < PARTITIONS; p++) {
            network.ledger.handle("b", TriageMessage.partial(partial("b", 2, p,
                    p == 0 ? new NearCopy("gone", 0.9, "jaccard") : null, null)), network);
        }
        network.deliverAll();
        assertEquals("gone", network.decided.get("b").duplicateOf());
        assertEquals("gone", network.decided.get("b").storyId());
    }
}
