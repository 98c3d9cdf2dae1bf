package dev.wirewatch.processing.triage;

/**
 * What the ledger step emits: a message for another ledger partition (back onto the triage topic) or a decided
 * article (on down the pipeline). Exactly one is set.
 *
 * <p>Immutable.
 */
public record TriageStep(TriageMessage message, Triaged result) {

    public boolean isResult() {
        return result != null;
    }
}
