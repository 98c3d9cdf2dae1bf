package dev.wirewatch.processing.triage;

import java.util.Arrays;

/**
 * What triage needs of an article's text, computed upstream in parallel partitions: the content hash (exact
 * copies), the MinHash signature of the body (near-copies) and the story method's own features, encoded by it.
 *
 * <p>Immutable; the arrays are not copied and must not be modified.
 */
public record ArticleFeatures(String contentHash, int[] mins, int shingles, byte[] story) {

    @Override
    public boolean equals(Object o) {
        return o instanceof ArticleFeatures f && contentHash.equals(f.contentHash) && shingles == f.shingles
                && Arrays.equals(mins, f.mins) && Arrays.equals(story, f.story);
    }

    @Override
    public int hashCode() {
        return contentHash.hashCode();
    }

    @Override
    public String toString() {
        return "ArticleFeatures[" + contentHash + ", " + shingles + " shingles, " + story.length + " story bytes]";
    }
}
