package dev.wirewatch.processing.triage;

/**
 * A message to the triage ledger, keyed by the article it concerns: a {@code partial} verdict from an index
 * partition; an {@code ask} for the decision of the keyed article on behalf of {@code asker}, a later article that
 * copies it or joins its story; or the {@code answer} to the keyed article's ask ({@code decision} null when the
 * asked article is no longer retained).
 *
 * <p>Immutable. Exactly the fields of its kind are set.
 */
public record TriageMessage(Kind kind, Partial partial, String asker, Decision decision) {

    /** What a message is. */
    public enum Kind { PARTIAL, ASK, ANSWER }

    public static TriageMessage partial(Partial partial) {
        return new TriageMessage(Kind.PARTIAL, partial, null, null);
    }

    public static TriageMessage ask(String asker) {
        return new TriageMessage(Kind.ASK, null, asker, null);
    }

    public static TriageMessage answer(Decision decision) {
        return new TriageMessage(Kind.ANSWER, null, null, decision);
    }
}
