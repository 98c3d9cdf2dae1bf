package dev.wirewatch.query;

import java.util.List;

/**
 * Why a text matched a topic query or did not, clause by clause: each clause of the query with whether it holds,
 * the words of the text that satisfied it (as written, with their word position) and, where it does not hold, why
 * (for {@code NEAR}, how close its sides came). Built by {@link TopicQueryParser#explain}.
 *
 * <p>Immutable.
 */
public record QueryExplanation(boolean matched, Clause clause) {

    /** One clause: its text in the query language, whether it holds, what was found, why, and its parts. */
    public record Clause(String clause, boolean matched, List<Found> found, String why, List<Clause> parts) {
        public Clause {
            found = List.copyOf(found);
            parts = List.copyOf(parts);
        }
    }

    /** A word of the text a clause found: as written, and its position (0-based, in words). */
    public record Found(String text, int word) {
    }
}
