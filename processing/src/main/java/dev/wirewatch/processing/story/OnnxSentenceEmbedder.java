package dev.wirewatch.processing.story;

import ai.onnxruntime.OrtEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sentence-embedding model run in process by ONNX Runtime (through langchain4j): the all-MiniLM-L6-v2 model
 * (quantized) that ships inside its Maven artifact, or any BERT-style ONNX model with its Hugging Face
 * {@code tokenizer.json} (mean pooling).
 *
 * <p>Each call runs on the calling thread alone (one intra-op thread): the parallelism is the stream threads', and
 * letting ONNX Runtime spread every call over all cores as well costs about twice the CPU per text (24-word leads)
 * for no gain in throughput (BENCHMARKS.md).
 *
 * <p>Thread safe. A model takes about 100 MB of memory and a second to load, so each is loaded once per JVM and
 * shared.
 */
public final class OnnxSentenceEmbedder implements SentenceEmbedder {

    private static final Map<String, OnnxSentenceEmbedder> LOADED = new ConcurrentHashMap<>();
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
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
    /** The tokenizer's whole words (lower case, no accents), or null when its vocabulary is not a word list. */
    private final Set<String> words;

    private OnnxSentenceEmbedder(byte[] onnx, byte[] tokenizer) {
        this.words = wholeWords(tokenizer);
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

    @Override
    public double knownShare(String text) {
        if (words == null) {
            return 1;
        }
        int all = 0;
        int known = 0;
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            all++;
            known += words.contains(folded(word.group())) ? 1 : 0;
        }
        return all == 0 ? 0 : (double) known / all;
    }

    /** The vocabulary entries of a WordPiece (or other word-keyed) tokenizer that are whole words. */
    private static Set<String> wholeWords(byte[] tokenizer) {
        try {
            JsonNode vocabulary = new ObjectMapper().readTree(tokenizer).path("model").path("vocab");
            if (!vocabulary.isObject()) {
                return null;
            }
            Set<String> words = new HashSet<>();
            vocabulary.fieldNames().forEachRemaining(w -> {
                if (!w.startsWith("##") && WORD.matcher(w).matches()) {
                    words.add(folded(w));
                }
            });
            return words.isEmpty() ? null : Set.copyOf(words);
        } catch (IOException e) {
            throw new IllegalArgumentException("the tokenizer is not JSON: " + e.getMessage(), e);
        }
    }

    private static String folded(String word) {
        return MARKS.matcher(Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD))
                .replaceAll("");
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
