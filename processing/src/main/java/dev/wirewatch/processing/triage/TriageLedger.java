package dev.wirewatch.processing.triage;

import dev.wirewatch.processing.dedup.CandidateVerifier;
import dev.wirewatch.processing.dedup.DedupVerdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Combines the index partitions' verdicts on an article into its {@link Decision}. An article that copies an earlier
 * one, or joins its story, takes that article's story (and original) from the earlier article's own decision,
 * asked for by message because it may be kept by another partition; so a chain of copies points at one original
 * and a story keeps one id however it grew.
 *
 * <p>Kafka-free; not thread safe. Messages are handled in any order: an ask for an article still pending waits for
 * its decision; the decision does not depend on the order in which partials arrive.
 */
public final class TriageLedger {

    /** Where the ledger keeps its state. */
    public interface Storage {
        Pending pending(String id);

        void putPending(String id, Pending pending);

        void removePending(String id);

        Decision decision(String id);

        void putDecision(Decision decision);

        List<String> waiters(String id);

        void putWaiters(String id, List<String> waiters);

        void removeWaiters(String id);
    }

    /** Where the ledger's messages and decisions go. */
    public interface Outbox {
        void send(String key, TriageMessage message);

        void decided(Decision decision);
    }

    /** An article whose partials are still arriving, or whose earlier article's decision is awaited. */
    public record Pending(long timestamp, Set<Integer> partitions, DedupVerdict.NearCopyOf copy, StoryLink story,
                          double bestJaccard) {

        static Pending first(long timestamp) {
            return new Pending(timestamp, Set.of(), null, null, 0);
        }

        Pending with(Partial partial) {
            Set<Integer> seen = new HashSet<>(partitions);
            seen.add(partial.partition());
            return new Pending(timestamp, seen, CandidateVerifier.better(copy, partial.copy()),
                    StoryLink.better(story, partial.story()), Math.max(bestJaccard, partial.bestJaccard()));
        }

        /** The earlier article this one depends on: the original it copies, else the article whose story it joins. */
        String parent() {
            return copy != null ? copy.originalId() : story != null ? story.articleId() : null;
        }
    }

    private final int partitions;
    private final Storage storage;

    public TriageLedger(int partitions, Storage storage) {
        this.partitions = partitions;
        this.storage = storage;
    }

    /** The decision on {@code id}, or null when it is pending, unknown or expired. */
    public Decision decisionOf(String id) {
        return storage.decision(id);
    }

    /** Handles {@code message}, keyed by {@code id}. */
    public void handle(String id, TriageMessage message, Outbox out) {
        switch (message.kind()) {
            case PARTIAL -> onPartial(id, message.partial(), out);
            case ASK -> onAsk(id, message.asker(), out);
            case ANSWER -> onAnswer(id, message.decision(), out);
        }
    }

    private void onPartial(String id, Partial partial, Outbox out) {
        if (storage.decision(id) != null) {
            return; // decided already: a partial delivered again
        }
        Pending before = storage.pending(id);
        Pending pending = (before == null ? Pending.first(partial.timestamp()) : before).with(partial);
        storage.putPending(id, pending);
        if (pending.partitions().size() == partitions && (before == null
                || before.partitions().size() < partitions)) {
            String parent = pending.parent();
            if (parent == null) {
                decide(id, pending, null, out);
            } else {
                out.send(parent, TriageMessage.ask(id));
            }
        }
    }

    private void onAsk(String id, String asker, Outbox out) {
        Decision decision = storage.decision(id);
        if (decision != null) {
            out.send(asker, TriageMessage.answer(decision));
        } else if (storage.pending(id) != null) {
            List<String> waiters = new ArrayList<>(storage.waiters(id));
            if (!waiters.contains(asker)) {
                waiters.add(asker);
                storage.putWaiters(id, waiters);
            }
        } else {
            out.send(asker, TriageMessage.answer(null)); // expired: the asker falls back to the id it found
        }
    }

    private void onAnswer(String id, Decision parentDecision, Outbox out) {
        Pending pending = storage.pending(id);
        if (pending != null && storage.decision(id) == null) {
            decide(id, pending, parentDecision, out);
        }
    }

    private void decide(String id, Pending pending, Decision parent, Outbox out) {
        Decision decision;
        if (pending.copy() != null) {
            DedupVerdict.NearCopyOf copy = pending.copy();
            decision = new Decision(id, pending.timestamp(), parent == null ? copy.originalId() : parent.originalId(),
                    copy.similarity(), copy.rule(), parent == null ? copy.originalId() : parent.storyId(), 0);
        } else if (pending.story() != null) {
            StoryLink story = pending.story();
            decision = new Decision(id, pending.timestamp(), null, pending.bestJaccard(), null,
                    parent == null ? story.articleId() : parent.storyId(), story.similarity());
        } else {
            decision = new Decision(id, pending.timestamp(), null, pending.bestJaccard(), null, id, 0);
        }
        storage.putDecision(decision);
        storage.removePending(id);
        out.decided(decision);
        List<String> waiters = storage.waiters(id);
        if (!waiters.isEmpty()) {
            waiters.forEach(w -> out.send(w, TriageMessage.answer(decision)));
            storage.removeWaiters(id);
        }
    }

    /** Ledger state kept in memory ({@code wirewatch dedup}, tests). */
    public static Storage inMemory() {
        return new Storage() {
            private final Map<String, Pending> pending = new HashMap<>();
            private final Map<String, Decision> decisions = new HashMap<>();
            private final Map<String, List<String>> waiters = new HashMap<>();

            @Override
            public Pending pending(String id) {
                return pending.get(id);
            }

            @Override
            public void putPending(String id, Pending p) {
                pending.put(id, p);
            }

            @Override
            public void removePending(String id) {
                pending.remove(id);
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
                return waiters.getOrDefault(id, List.of());
            }

            @Override
            public void putWaiters(String id, List<String> list) {
                waiters.put(id, list);
            }

            @Override
            public void removeWaiters(String id) {
                waiters.remove(id);
            }
        };
    }
}
