package dev.wirewatch.processing.mention;

import dev.wirewatch.model.Mention;
import dev.wirewatch.model.MentionCount;

/**
 * What the first-mention step decided for one candidate: always the updated count, and the mention itself when it
 * is the first of its (topic, story).
 *
 * <p>Immutable; {@code first} may be null.
 */
public record MentionOutcome(Mention first, MentionCount count) {
}
