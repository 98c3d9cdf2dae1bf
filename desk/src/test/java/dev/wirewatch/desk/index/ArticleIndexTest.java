package dev.wirewatch.desk.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.model.Article;
import dev.wirewatch.query.QuerySyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleIndexTest {

    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void anArticleIsReplacedByIdAndExpiresByFetchTime() throws Exception {
        try (ArticleIndex index = ArticleIndex.rebuiltIn(dir)) {
            index.put(article("https://a.example/1", "C-130 order", T0));
            index.put(article("https://a.example/1", "C-130 order, updated", T0));
            index.put(article("https://b.example/2", "Another C-130 story", T0.plusSeconds(7200)));
            index.refresh();
            assertEquals(2, index.search("C-130", 10).count());
            assertEquals("C-130 order, updated", index.search("updated", 10).articles().get(0).title());
            index.expireFetchedBefore(T0.plusSeconds(3600));
            index.refresh();
            assertEquals(1, index.search("C-130", 10).count());
            assertThrows(QuerySyntaxException.class, () -> index.search("(C-130", 10));
        }
    }

    @Test
    void aRestartStartsFromAnEmptyIndex() throws Exception {
        try (ArticleIndex index = ArticleIndex.rebuiltIn(dir)) {
            index.put(article("https://a.example/1", "C-130", T0));
            index.refresh();
        }
        assertTrue(Files.list(dir).findAny().isPresent());
        try (ArticleIndex index = ArticleIndex.rebuiltIn(dir)) {
            assertEquals(0, index.size(), "rebuilt from the topic, not from a stale directory");
        }
    }

    static Article article(String url, String title, Instant fetched) {
        return Article.of(url, url, title, "The text of " + title + ".", "site", null, null, "en", null, fetched);
    }
}
