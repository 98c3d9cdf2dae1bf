package dev.wirewatch.processing.story;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sentence-embedding model run in process by ONNX Runtime (through langchain4j): the all-MiniLM-L6-v2 model
 * (quantized) that ships inside its Maven artifact, or any BERT-style ONNX model with its Hugging Face
 * {@code tokenizer.json} (mean pooling).
 *
 * <p>Thread safe. A model takes about 100 MB of memory and a second to load, so each is loaded once per JVM and
 * shared.
 */
public final class OnnxSentenceEmbedder implements SentenceEmbedder {

    private static final Map<String, OnnxSentenceEmbedder> LOADED = new ConcurrentHashMap<>();

    private final EmbeddingModel model;

    private OnnxSentenceEmbedder(EmbeddingModel model) {
        this.model = model;
    }

    /** The shipped all-MiniLM-L6-v2 (quantized). */
    public static OnnxSentenceEmbedder shipped() {
        return LOADED.computeIfAbsent("", k -> new OnnxSentenceEmbedder(new AllMiniLmL6V2QuantizedEmbeddingModel()));
    }

    /**
     * The model in the ONNX file {@code model} with the tokenizer in {@code tokenizer}.
     *
     * @throws IllegalArgumentException when either file does not load as what it should be
     */
    public static OnnxSentenceEmbedder of(String model, String tokenizer) {
        return LOADED.computeIfAbsent(model + "\n" + tokenizer, k -> {
            try {
                return new OnnxSentenceEmbedder(new OnnxEmbeddingModel(model, tokenizer, PoolingMode.MEAN));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("the embedding model " + model + " with tokenizer " + tokenizer
                        + " does not load: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }
}
