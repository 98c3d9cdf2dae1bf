package dev.wirewatch.processing.story;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sentence-embedding model run in process by ONNX Runtime (through langchain4j): the all-MiniLM-L6-v2 model
 * (quantized) that ships inside its Maven artifact, or any BERT-style ONNX model with its Hugging Face
 * {@code tokenizer.json} (mean pooling).
 *
 * <p>Each call runs on the calling thread alone (one intra-op thread): the parallelism is the stream threads', and
 * letting ONNX Runtime spread every call over all cores as well costs 40 % more CPU per text for no gain in
 * throughput (BENCHMARKS.md).
 *
 * <p>Thread safe. A model takes about 100 MB of memory and a second to load, so each is loaded once per JVM and
 * shared.
 */
public final class OnnxSentenceEmbedder implements SentenceEmbedder {

    private static final Map<String, OnnxSentenceEmbedder> LOADED = new ConcurrentHashMap<>();
    private static final String SHIPPED_MODEL = "/all-minilm-l6-v2-q.onnx";
    private static final String SHIPPED_TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

    /** langchain4j's model around an encoder whose session we configured. */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder) {
            super(null);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }
    }

    private final Model model;

    private OnnxSentenceEmbedder(byte[] onnx, byte[] tokenizer) {
        try {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            this.model = new Model(new OnnxBertBiEncoder(environment, environment.createSession(onnx, options),
                    new ByteArrayInputStream(tokenizer), PoolingMode.MEAN));
        } catch (OrtException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The shipped all-MiniLM-L6-v2 (quantized). */
    public static OnnxSentenceEmbedder shipped() {
        return LOADED.computeIfAbsent("", k -> new OnnxSentenceEmbedder(resource(SHIPPED_MODEL),
                resource(SHIPPED_TOKENIZER)));
    }

    /**
     * The model in the ONNX file {@code model} with the tokenizer in {@code tokenizer}.
     *
     * @throws IllegalArgumentException when either file does not read or load as what it should be
     */
    public static OnnxSentenceEmbedder of(String model, String tokenizer) {
        return LOADED.computeIfAbsent(model + "\n" + tokenizer, k -> {
            try {
                return new OnnxSentenceEmbedder(Files.readAllBytes(Path.of(model)),
                        Files.readAllBytes(Path.of(tokenizer)));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("the embedding model " + model + " with tokenizer " + tokenizer
                        + " does not load: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }

    private static byte[] resource(String name) {
        try (InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from langchain4j's model artifact");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
