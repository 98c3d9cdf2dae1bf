package dev.wirewatch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.model.json.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

    private final JsonSerde<Article> articles = new JsonSerde<>(Article.class);

    @Test
    void articleRoundTripsWithIsoInstants() {
        Article a = Article.of("https://a.example/x", "https://a.example/x", "Title", "Body text", "Site",
                "https://a.example/rss", "Author", "en", Instant.parse("2025-07-14T06:00:00Z"),
                Instant.parse("2025-07-14T07:00:00Z"));
        byte[] bytes = articles.write(a);
        assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("\"publishedAt\":\"2025-07-14T06:00:00Z\""));
        assertEquals(a, articles.read(bytes));
    }

    @Test
    void unknownFieldsFromANewerWriterAreIgnored() {
        String json = """
                {"schemaVersion":2,"id":"i","url":"u","canonicalUrl":"c","text":"t","source":"s",
                 "fetchedAt":"2025-01-01T00:00:00Z","contentHash":"h","sentiment":0.4,"entities":["x"]}""";
        Article a = articles.read(json.getBytes(StandardCharsets.UTF_8));
        assertEquals("i", a.id());
        assertEquals(2, a.schemaVersion());
    }

    @Test
    void aLedgerRecordWrittenBeforeUrgencyWasKeptReadsAsNotUrgent() {
        String json = """
                {"schemaVersion":1,"sinkId":"slack","topicId":"su-35","storyId":"s1","sentAt":"2026-12-01T00:00:00Z",
                 "title":"Jets","sites":2,"followUp":0}""";
        DeliveryRecord old = new JsonSerde<>(DeliveryRecord.class).read(json.getBytes(StandardCharsets.UTF_8));
        assertEquals("slack/su-35/s1", old.key());
        assertEquals(false, old.urgent());
        DeliveryRecord sent = DeliveryRecord.sent("slack", new Mention(1, "su-35", "Su-35", "s1", "a", "u", "t", "s",
                null, List.of(), null, Instant.EPOCH, false, List.of(), true), Instant.EPOCH, null, 1);
        assertTrue(DeliveryRecord.followUp(sent, 5, 5, Instant.EPOCH).urgent(), "a follow-up keeps its alert's urgency");
    }

    @Test
    void garbageAndInvalidRecordsFailWithAReason() {
        SerializationException notJson = assertThrows(SerializationException.class,
                () -> articles.read("not json".getBytes(StandardCharsets.UTF_8)));
        assertTrue(notJson.getMessage().startsWith("not a valid Article"), notJson.getMessage());
        SerializationException missing = assertThrows(SerializationException.class,
                () -> articles.read("{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(missing.getMessage().contains("must not be blank"), missing.getMessage());
        assertNull(articles.read(null));
    }

    @Test
    void mentionKeyIsTopicAndStory() {
        Mention m = new Mention(0, "su-35", null, "story1", "a1", "u", null, "src", null, null, null,
                Instant.EPOCH, false);
        assertEquals("su-35/story1", m.key());
        assertEquals("su-35", m.topicName());
        assertEquals(List.of(), m.matchedTerms());
        JsonSerde<Mention> serde = new JsonSerde<>(Mention.class);
        assertEquals(m, serde.read(serde.write(m)));
    }
}
