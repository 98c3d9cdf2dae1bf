package dev.wirewatch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleTest {

    @Test
    void idIsDerivedFromTheCanonicalUrlOnly() {
        Article a = Article.of("https://a.example/x?utm_source=1", "https://a.example/x", "T", "body", "A", null,
                null, null, null, Instant.EPOCH);
        Article b = Article.of("https://a.example/x?fbclid=2", "https://a.example/x", "Other", "other", "B", null,
                null, null, null, Instant.EPOCH);
        assertEquals(a.id(), b.id());
        assertEquals(32, a.id().length());
        assertNotEquals(a.id(), Article.idFor("https://a.example/y"));
    }

    @Test
    void contentHashIgnoresCasePunctuationAndWhitespace() {
        assertEquals(ContentHash.of("Hanoi signed the deal. It is big!"),
                ContentHash.of("  hanoi SIGNED the deal -- it is\n\nbig "));
        assertNotEquals(ContentHash.of("Hanoi signed the deal"), ContentHash.of("Hanoi signed the deals"));
        assertEquals("su 35 и c 130", ContentHash.normalize("Su-35 И C–130"));
    }

    @Test
    void missingRequiredFieldsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Article(1, "id", " ", "c", "t", "x", "s", null, null,
                null, null, Instant.EPOCH, "h", null));
        assertThrows(NullPointerException.class, () -> new Article(1, "id", "u", "c", "t", null, "s", null, null,
                null, null, Instant.EPOCH, "h", null));
    }

    @Test
    void zeroSchemaVersionReadsAsCurrent() {
        Article a = new Article(0, "id", "u", "c", null, "", "s", null, null, null, null, Instant.EPOCH, "h",
                null);
        assertEquals(Article.SCHEMA_VERSION, a.schemaVersion());
        assertEquals(java.util.List.of(), a.categories(), "records from before categories read as having none");
    }
}
