package dev.wirewatch.processing.triage;

import dev.wirewatch.processing.mention.MentionOutcome;
import java.util.List;

/**
 * What triage made of one {@link TriageItem}: the article's decision (null only for a backfill item whose article
 * expired or was never triaged), whether the article had been triaged before ({@code repeat}: the same id again, or
 * a backfill), and the outcome of each of its topic matches (none for a copy).
 *
 * <p>Immutable.
 */
public record TriageOutcome(TriageItem item, Decision decision, boolean repeat, List<MentionOutcome> mentions) {

    public TriageOutcome {
        mentions = List.copyOf(mentions);
    }

    /** True for an article decided now for the first time. */
    public boolean decidedNow() {
        return decision != null && !repeat;
    }
}
