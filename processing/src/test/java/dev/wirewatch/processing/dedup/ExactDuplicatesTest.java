package dev.wirewatch.processing.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.model.Article;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExactDuplicatesTest {

    private final Map<String, String> seen = new HashMap<>();
    private final ExactDuplicates duplicates = new ExactDuplicates(new ExactDuplicates.HashMemory() {
        @Override
        public String firstIdFor(String contentHash) {
            return seen.get(contentHash);
        }

        @Override
        public void remember(String contentHash, String articleId) {
            seen.put(contentHash, articleId);
        }
    });

    private static Article article(String url, String text) {
        return Article.of(url, url, "t", text, "site", null, null, null, null, Instant.EPOCH);
    }

    @Test
    void republicationWithOtherPunctuationIsACopyOfTheFirst() {
        Article original = article("https://a.example/1", "Hanoi signed for 40 jets.");
        Article copy = article("https://b.example/2", "HANOI signed for 40 jets!");
        assertFalse(duplicates.screen(original).isCopy());
        Screened screened = duplicates.screen(copy);
        assertTrue(screened.isCopy());
        assertEquals(original.id(), screened.copyOf());
        assertEquals(1.0, screened.similarity());
    }

    @Test
    void theSameArticleSeenAgainIsNotACopyOfItself() {
        Article original = article("https://a.example/1", "Text");
        duplicates.screen(original);
        assertFalse(duplicates.screen(original).isCopy());
    }

    @Test
    void differentTextIsNotACopy() {
        duplicates.screen(article("https://a.example/1", "Hanoi signed for 40 jets"));
        assertFalse(duplicates.screen(article("https://b.example/2", "Hanoi signed for 41 jets")).isCopy());
    }
}
