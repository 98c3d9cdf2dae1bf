package dev.wirewatch.processing.decode;

import dev.wirewatch.model.Article;
import dev.wirewatch.model.DeadLetter;

/**
 * The outcome of decoding one raw record: an article, or the dead letter that replaces it.
 *
 * <p>Immutable; exactly one of the two is non-null.
 */
public record Decoded(Article article, DeadLetter deadLetter) {

    public Decoded {
        if ((article == null) == (deadLetter == null)) {
            throw new IllegalArgumentException("exactly one of article and deadLetter must be set");
        }
    }

    public boolean failed() {
        return deadLetter != null;
    }
}
