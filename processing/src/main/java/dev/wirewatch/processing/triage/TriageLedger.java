package dev.wirewatch.processing.triage;

import dev.wirewatch.processing.dedup.CandidateVerifier;
import dev.wirewatch.processing.dedup.NearCopy;
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

    /** A keyed table the ledger keeps one kind of state in (a map in memory, a key-value store in Streams). */
    public interface Table<V> {
        V get(String key);

        void put(String key, V value);

        void delete(String key);

        /** A table in memory for the life of the object. */
        static <V> Table<V> inMemory() {
            Map<String, V> map = new HashMap<>();
            return new Table<>() {
                @Override
                public V get(String key) {
                    return map.get(key);
                }

                @Override
                public void put(String key, V value) {
                    map.put(key, value);
                }

                @Override
                public void delete(String key) {
                    map.remove(key);
                }
            };
        }
    }

    /** The articles waiting on an article's decision. */
    public record Waiters(List<String> ids) {
    }

    /** Where the ledger's messages and decisions go. */
    public interface Outbox {
        void send(String key, TriageMessage message);

        void decided(Decision decision);
    }

    /** An article whose partials are still arriving, or whose earlier article's decision is awaited. */
    public record Pending(long timestamp, Set<Integer> partitions, NearCopy copy, StoryLink story,
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
    private final Table<Pending> pending;
    private final Table<Decision> decisions;
    private final Table<Waiters> waiters;

    public TriageLedger(int partitions, Table<Pending> pending, Table<Decision> decisions, Table<Waiters> waiters) {
        this.partitions = partitions;
        this.pending = pending;
        this.decisions = decisions;
        this.waiters = waiters;
    }

    /** A ledger whose state is kept in memory ({@code wirewatch dedup}, tests). */
    public static TriageLedger inMemory(int partitions) {
        return new TriageLedger(partitions, Table.inMemory(), Table.inMemory(), Table.inMemory());
    }

    /** The decision on {@code id}, or null when it is pending, unknown or expired. */
    public Decision decisionOf(String id) {
        return decisions.get(id);
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
        if (decisions.get(id) != null) {
            return; // decided already: a partial delivered again
        }
        Pending before = pending.get(id);
        Pending now = (before == null ? Pending.first(partial.timestamp()) : before).with(partial);
        pending.put(id, now);
        if (now.partitions().size() == partitions && (before == null
                || before.partitions().size() < partitions)) {
            String parent = now.parent();
            if (parent == null) {
                decide(id, now, null, out);
            } else {
                out.send(parent, TriageMessage.ask(id));
            }
        }
    }

    private void onAsk(String id, String asker, Outbox out) {
        Decision decision = decisions.get(id);
        if (decision != null) {
            out.send(asker, TriageMessage.answer(decision));
        } else if (pending.get(id) != null) {
            Waiters before = waiters.get(id);
            List<String> ids = new ArrayList<>(before == null ? List.of() : before.ids());
            if (!ids.contains(asker)) {
                ids.add(asker);
                waiters.put(id, new Waiters(ids));
            }
        } else {
            out.send(asker, TriageMessage.answer(null)); // expired: the asker falls back to the id it found
        }
    }

    private void onAnswer(String id, Decision parentDecision, Outbox out) {
        Pending awaiting = pending.get(id);
        if (awaiting != null && decisions.get(id) == null) {
            decide(id, awaiting, parentDecision, out);
        }
    }

    private void decide(String id, Pending settled, Decision parent, Outbox out) {
        Decision decision;
        if (settled.copy() != null) {
            NearCopy copy = settled.copy();
            decision = new Decision(id, settled.timestamp(), parent == null ? copy.originalId() : parent.originalId(),
                    copy.similarity(), copy.rule(), parent == null ? copy.originalId() : parent.storyId(), 0);
        } else if (settled.story() != null) {
            StoryLink story = settled.story();
            decision = new Decision(id, settled.timestamp(), null, settled.bestJaccard(), null,
                    parent == null ? story.articleId() : parent.storyId(), story.similarity());
        } else {
            decision = new Decision(id, settled.timestamp(), null, settled.bestJaccard(), null, id, 0);
        }
        decisions.put(id, decision);
        pending.delete(id);
        out.decided(decision);
        Waiters waiting = waiters.get(id);
        if (waiting != null) {
            waiting.ids().forEach(w -> out.send(w, TriageMessage.answer(decision)));
            waiters.delete(id);
        }
    }
}
