package dev.wirewatch.processing.story;

/**
 * How the story level tells that a later article retells an earlier one: the one seam a story method plugs into.
 *
 * <p>A method works in two places. {@link #features} runs upstream in parallel partitions, on one article alone
 * (tokenizing, counting, embedding: the expensive part). Everything else runs in the single-writer triage step, in
 * triage order: {@link #admit} folds the article into the method's own corpus statistics and turns its features
 * into the profile that is retained and compared; {@link #candidateKeys} names the keys an article is filed and
 * looked up under; {@link #similarity} scores a pair. Both halves travel as bytes ({@code encode…}/{@code decode…}),
 * so the encoding is the method's: it must start with a version and keep reading what earlier versions wrote while
 * such values can still be in a topic or a store. Triage tags both with {@link #name()}: bytes of another method
 * (one swapped in without a reset) are skipped and counted, never decoded, and a decode that throws
 * {@link IllegalArgumentException} is counted the same way.
 *
 * <p>Adding a method is one new class implementing this and one line where {@code StoryMethods.standard} picks it.
 * Implementations are immutable and thread safe; the {@link DocumentFrequencies} they are given is not (it belongs
 * to the triage task).
 *
 * @param <F> what the method computes of one article alone
 * @param <P> what it retains of an admitted article and compares
 */
public interface StoryMethod<F, P> {

    /** A short stable name, for logs, metrics and the state it keeps ({@code tfidf}). */
    String name();

    /** The features of one article; {@code title} may be null. Pure: never depends on other articles. */
    F features(String title, String text);

    /**
     * The features of an article that matched a tracked topic ({@code alerting}) or not. Only an alerting article's
     * story decides an alert, so a method may keep its costly signals for those (the topology asks this way;
     * {@code wirewatch dedup}, which has no topics, asks for every article as alerting). By default the same as
     * {@link #features(String, String)}.
     */
    default F features(String title, String text, boolean alerting) {
        return features(title, text);
    }

    /**
     * Counts the article into {@code statistics} (the method's own corpus statistics; {@code timestamp} is triage
     * time, epoch millis) and returns its profile.
     */
    P admit(F features, DocumentFrequencies statistics, long timestamp);

    /** The keys under which an admitted article is filed and finds its story candidates. */
    long[] candidateKeys(P profile);

    /** How alike two profiles are, from 0 (nothing shared) up; pairs at {@link #threshold()} or more share a story. */
    double similarity(P article, P earlier);

    /** The similarity from which two articles are one story. */
    double threshold();

    byte[] encodeFeatures(F features);

    /** @throws IllegalArgumentException for bytes no version of this method wrote */
    F decodeFeatures(byte[] bytes);

    byte[] encodeProfile(P profile);

    /** @throws IllegalArgumentException for bytes no version of this method wrote */
    P decodeProfile(byte[] bytes);
}
