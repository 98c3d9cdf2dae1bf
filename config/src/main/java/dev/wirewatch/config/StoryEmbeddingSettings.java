package dev.wirewatch.config;

import java.util.List;

/**
 * The sentence-embedding signal of the story level ({@code processing.embedding}).
 *
 * <p>Immutable; a key left out takes its default. Defaults and why (figures in BENCHMARKS.md, fitted by
 * {@code StoryFit} on the dev pairs):
 * <ul>
 * <li>{@code enabled} true: articles in a language of {@code languages} are compared by the embedding of their
 * title and lead as well as by their words;</li>
 * <li>{@code model}, {@code tokenizer}: an ONNX sentence-embedding model and its Hugging Face {@code tokenizer.json},
 * relative to the config file; both unset means the all-MiniLM-L6-v2 (quantized) model shipped in the jar;</li>
 * <li>{@code languages} [en]: the languages the model serves (ISO 639-1); other articles are compared by their words
 * alone, so an English model cannot make them worse;</li>
 * <li>{@code threshold} 0.82: embedding cosine of the leads from which two articles of those languages are one
 * story on the embedding alone (the fixtures' retellings score 0.81–0.88, their different events on one subject
 * up to 0.73);</li>
 * <li>{@code lexicalFloor} 0.10: the words' TF-IDF cosine under which they are not, however close the embeddings
 * (two events on one subject read alike to the model but name other places, numbers and people);</li>
 * <li>{@code supportedThreshold} 0.62 with {@code supportingLexical} 0.20: a lower embedding cosine suffices when
 * the words agree this much too (where most retellings on the dev pairs sit);</li>
 * <li>{@code scope} matching: only articles that matched a tracked topic are embedded (only their stories can
 * alert, and the embedding is most of processing's cost per article); {@code all} embeds every article, so the
 * desk's stories group untracked articles as well, at that cost ({@code wirewatch dedup}, which has no topics,
 * embeds every article whatever this says);</li>
 * <li>{@code leadWords} 80: how much of the text is embedded after the title: the title and lead carry the event.
 * A 24-word lead measures about as well on the dev pairs (F1 0.766 against 0.769) at a third of the CPU, but its
 * margins on the demo's rewrites are thinner: one arrival order in three left a rewrite apart.</li>
 * </ul>
 */
public record StoryEmbeddingSettings(Boolean enabled, String model, String tokenizer, List<String> languages,
                                     Double threshold, Double lexicalFloor, Double supportedThreshold,
                                     Double supportingLexical, Integer leadWords, String scope) {

    /** The {@code scope} values. */
    public static final String MATCHING = "matching";
    public static final String ALL = "all";


    public static final double DEFAULT_THRESHOLD = 0.82;
    public static final double DEFAULT_LEXICAL_FLOOR = 0.10;
    public static final double DEFAULT_SUPPORTED_THRESHOLD = 0.62;
    public static final double DEFAULT_SUPPORTING_LEXICAL = 0.20;
    public static final int DEFAULT_LEAD_WORDS = 80;
    public static final List<String> DEFAULT_LANGUAGES = List.of("en");

    public StoryEmbeddingSettings {
        enabled = enabled == null || enabled;
        languages = languages == null ? DEFAULT_LANGUAGES : List.copyOf(languages);
        threshold = threshold == null ? DEFAULT_THRESHOLD : threshold;
        lexicalFloor = lexicalFloor == null ? DEFAULT_LEXICAL_FLOOR : lexicalFloor;
        supportedThreshold = supportedThreshold == null ? DEFAULT_SUPPORTED_THRESHOLD : supportedThreshold;
        supportingLexical = supportingLexical == null ? DEFAULT_SUPPORTING_LEXICAL : supportingLexical;
        leadWords = leadWords == null ? DEFAULT_LEAD_WORDS : leadWords;
        scope = scope == null ? MATCHING : scope.strip().toLowerCase(java.util.Locale.ROOT);
    }

    public static StoryEmbeddingSettings defaults() {
        return new StoryEmbeddingSettings(null, null, null, null, null, null, null, null, null, null);
    }

    /** True when only articles that matched a tracked topic are embedded ({@code scope: matching}). */
    public boolean matchingOnly() {
        return !ALL.equals(scope);
    }

    /** True when the shipped model is used (neither {@code model} nor {@code tokenizer} given). */
    public boolean shippedModel() {
        return model == null && tokenizer == null;
    }

    /** These settings with {@code model} and {@code tokenizer} replaced (paths resolved against the config file). */
    public StoryEmbeddingSettings withFiles(String model, String tokenizer) {
        return new StoryEmbeddingSettings(enabled, model, tokenizer, languages, threshold, lexicalFloor,
                supportedThreshold, supportingLexical, leadWords, scope);
    }
}
