package dev.wirewatch.processing.bench;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.wirewatch.processing.story.OnnxSentenceEmbedder;
import dev.wirewatch.processing.story.SentenceEmbedder;
import dev.wirewatch.processing.story.TfIdfStoryMethod;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the story level's embedding costs per article: CPU time and texts/s for leads of 24 and 80 words, with ONNX
 * Runtime's default threads (langchain4j's model as shipped) and with one intra-op thread (Wirewatch's
 * {@link OnnxSentenceEmbedder}), against the TF-IDF features of the same texts in the same run. The texts are the
 * English articles of the dev pairs ({@code -Dfit.pairs}). Prints figures; asserts nothing.
 *
 * <p>Run: {@code ./mvnw -q -pl processing test -Dbenchmarks -Dtest=EmbeddingSpeedBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class EmbeddingSpeedBenchmark {

    @Test
    void embeddingCostPerArticle() throws IOException {
        Path file = Path.of(System.getProperty("fit.pairs", "../../shared/data/samestory-dev/pairs.jsonl"));
        Assumptions.assumeTrue(Files.isRegularFile(file), "no pairs file at " + file.toAbsolutePath());
        List<String> texts = new ArrayList<>();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String line : Files.readAllLines(file)) {
            var row = json.readTree(line);
            if (row.get("lang").asText().equals("en")) {
                texts.add(row.get("a").asText());
                texts.add(row.get("b").asText());
            }
        }
        TfIdfStoryMethod words = new TfIdfStoryMethod(0.26);
        double tfidf = cpuPerText(texts, t -> words.features(null, t));
        System.out.printf("TF-IDF features (baseline): %.2f ms CPU per article, %d English dev articles%n", tfidf,
                texts.size());
        EmbeddingModel defaults = new AllMiniLmL6V2QuantizedEmbeddingModel();
        SentenceEmbedder oneThread = OnnxSentenceEmbedder.shipped();
        for (int lead : new int[] {24, 80}) {
            List<String> leads = texts.stream().map(t -> lead(t, lead)).toList();
            double[] wall = new double[1];
            double d = cpuPerText(leads, t -> defaults.embed(t), wall);
            System.out.printf("lead %d words, ONNX Runtime's default threads: %.2f ms CPU per article (%.1f× TF-IDF), "
                    + "%.0f texts/s%n", lead, d, d / tfidf, leads.size() / wall[0]);
            double o = cpuPerText(leads, oneThread::embed, wall);
            System.out.printf("lead %d words, one intra-op thread (shipped): %.2f ms CPU per article (%.1f× TF-IDF), "
                    + "%.0f texts/s%n", lead, o, o / tfidf, leads.size() / wall[0]);
        }
    }

    private static String lead(String text, int words) {
        String[] all = text.split("\\s+");
        return String.join(" ", Arrays.copyOf(all, Math.min(words, all.length)));
    }

    private static double cpuPerText(List<String> texts, java.util.function.Consumer<String> work) {
        return cpuPerText(texts, work, new double[1]);
    }

    /** Process CPU ms per text over all texts, after a warm-up of 20; {@code wall[0]} gets the seconds taken. */
    private static double cpuPerText(List<String> texts, java.util.function.Consumer<String> work, double[] wall) {
        texts.subList(0, Math.min(20, texts.size())).forEach(work);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        texts.forEach(work);
        wall[0] = (System.nanoTime() - start) / 1e9;
        return (os.getProcessCpuTime() - cpu) / 1e6 / texts.size();
    }
}
