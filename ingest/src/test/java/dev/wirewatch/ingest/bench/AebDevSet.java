package dev.wirewatch.ingest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wirewatch.model.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The dev third of the article-extraction benchmark from {@code ../shared/data/aeb-dev} (or the directory in the
 * system property {@code wirewatch.aebDev}), when this checkout has it: pages and their ground-truth bodies.
 */
public record AebDevSet(Path dir, List<Page> pages) {

    /** One benchmark page: its id, gunzipped HTML and the ground-truth article body. */
    public record Page(String id, byte[] html, String truth) {
    }

    /** The data set, or empty when it is not next to this checkout. */
    public static Optional<AebDevSet> find() {
        String property = System.getProperty("wirewatch.aebDev");
        List<Path> candidates = new ArrayList<>();
        if (property != null) {
            candidates.add(Path.of(property));
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 4 && dir != null; up++, dir = dir.getParent()) {
            candidates.add(dir.resolve("../shared/data/aeb-dev").normalize());
        }
        return candidates.stream().filter(p -> Files.isRegularFile(p.resolve("ground-truth.json"))).findFirst()
                .map(AebDevSet::load);
    }

    private static AebDevSet load(Path dir) {
        try {
            JsonNode truth = Json.mapper().readTree(dir.resolve("ground-truth.json").toFile());
            List<Page> pages = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                Path html = dir.resolve("html").resolve(entry.getKey() + ".html.gz");
                try (InputStream in = new GZIPInputStream(Files.newInputStream(html))) {
                    pages.add(new Page(entry.getKey(), in.readAllBytes(), entry.getValue().path("articleBody").asText()));
                }
            }
            return new AebDevSet(dir, List.copyOf(pages));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the benchmark pages in " + dir, e);
        }
    }
}
