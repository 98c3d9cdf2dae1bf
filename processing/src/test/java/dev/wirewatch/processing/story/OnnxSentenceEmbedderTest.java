package dev.wirewatch.processing.story;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxSentenceEmbedderTest {

    @Test
    void aModelAndTokenizerGivenAsFilesEmbedAsTheShippedOne(@TempDir Path dir) throws IOException {
        // the shipped model's own files, written out as an operator would place another model's
        Path model = copy("all-minilm-l6-v2-q.onnx", dir);
        Path tokenizer = copy("all-minilm-l6-v2-q-tokenizer.json", dir);
        String text = "Dockworkers walk out at Haiphong port over unpaid overtime";

        float[] fromFiles = OnnxSentenceEmbedder.of(model.toString(), tokenizer.toString()).embed(text);
        assertArrayEquals(OnnxSentenceEmbedder.shipped().embed(text), fromFiles, 1e-5f);
    }

    @Test
    void aFileThatIsNotAModelIsAClearErrorNamingIt(@TempDir Path dir) throws IOException {
        Path model = Files.writeString(dir.resolve("broken.onnx"), "not a model");
        Path tokenizer = copy("all-minilm-l6-v2-q-tokenizer.json", dir);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OnnxSentenceEmbedder.of(model.toString(), tokenizer.toString()));
        assertTrue(e.getMessage().contains("broken.onnx"), e.getMessage());
    }

    private static Path copy(String resource, Path dir) throws IOException {
        try (InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream("/" + resource)) {
            Path to = dir.resolve(resource);
            Files.copy(in, to);
            return to;
        }
    }
}
