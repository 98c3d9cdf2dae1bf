package dev.wirewatch.desk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wirewatch.config.DeskSettings;
import dev.wirewatch.desk.auth.Accounts;
import dev.wirewatch.desk.auth.PasswordHashes;
import dev.wirewatch.desk.auth.Sessions;
import dev.wirewatch.desk.index.ArticleIndex;
import dev.wirewatch.desk.view.DeskView;
import dev.wirewatch.model.Article;
import dev.wirewatch.model.DeliveryRecord;
import dev.wirewatch.model.Mention;
import dev.wirewatch.model.MutedAlert;
import dev.wirewatch.model.StoryAssignment;
import dev.wirewatch.model.TopicDefinition;
import dev.wirewatch.model.json.Json;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desk's HTTP API on a real server, over a view fed record by record (the Kafka round trip is the end-to-end
 * tests' part): authentication and roles, the contract's fields, input errors with positions.
 */
class DeskApiTest {

    static final String EDITOR_TOKEN = "editor-token-0123456789";
    static final String VIEWER_TOKEN = "viewer-token-0123456789";
    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    @TempDir
    Path dir;

    List<String> published;
    final List<String> muteReplays = new java.util.concurrent.CopyOnWriteArrayList<>();
    DeskView view;
    ArticleIndex index;
    DeskServer server;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() {
        view = new DeskView(DeskView.topicRoutes(Map.of("slack", List.of(), "email", List.of("c-130"))));
        index = ArticleIndex.rebuiltIn(dir.resolve("index"));
        RecordingEdits edits = new RecordingEdits();
        published = edits.published;
        Accounts accounts = new Accounts(
                List.of(new DeskSettings.User("ed", "editor", PasswordHashes.hash("s3cret pass"))),
                List.of(new DeskSettings.ApiToken("ci", "editor", EDITOR_TOKEN),
                        new DeskSettings.ApiToken("wall", "viewer", VIEWER_TOKEN)));
        Clock clock = Clock.fixed(T0.plus(Duration.ofHours(2)), ZoneOffset.UTC);
        server = DeskServer.start("127.0.0.1", 0, new DeskBackend(view, index, edits, null, id -> {
            muteReplays.add(id);
            return 2;
        }, accounts,
                new Sessions(Duration.ofHours(1), clock), () -> true, clock, new SimpleMeterRegistry()));
        Fixtures.story(view, index);
    }

    @AfterEach
    void stop() {
        server.close();
        index.close();
    }

    @Test
    void noTokenOrAnUnknownTokenIsUnauthorized() throws Exception {
        assertEquals(401, send("GET", "/api/v1/stories", null, null).statusCode());
        assertEquals(401, send("GET", "/api/v1/stories", "not-a-token-at-all", null).statusCode());
        HttpResponse<String> basic = http.send(HttpRequest.newBuilder(uri("/api/v1/stories"))
                .header("Authorization", "Basic ZWQ6czNjcmV0").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, basic.statusCode());
    }

    @Test
    void storiesListTheContractFields() throws Exception {
        JsonNode stories = json(send("GET", "/api/v1/stories?limit=10", VIEWER_TOKEN, null)).get("stories");
        assertEquals(1, stories.size());
        JsonNode s = stories.get(0);
        for (String field : List.of("id", "title", "url", "source", "firstSeenAt", "lastSeenAt", "topics",
                "articles", "copies", "sources")) {
            assertTrue(s.has(field), field);
        }
        assertEquals(Fixtures.FIRST, s.get("id").asText());
        assertEquals(3, s.get("articles").asInt());
        assertEquals(1, s.get("copies").asInt());
        assertEquals("[\"su-35\"]", s.get("topics").toString());
        assertEquals(3, s.get("sources").size());
        assertEquals(0, json(send("GET", "/api/v1/stories?topic=c-130", VIEWER_TOKEN, null)).get("stories").size());
        assertEquals(0, json(send("GET", "/api/v1/stories?since=2026-12-02T00:00:00Z", VIEWER_TOKEN, null))
                .get("stories").size());
        HttpResponse<String> badSince = send("GET", "/api/v1/stories?since=yesterday", VIEWER_TOKEN, null);
        assertEquals(400, badSince.statusCode());
        assertTrue(json(badSince).get("error").asText().contains("since"));
    }

    @Test
    void aStoryHasItsMembersInTimeOrderWithRolesAndItsAlerts() throws Exception {
        JsonNode story = json(send("GET", "/api/v1/stories/" + Fixtures.FIRST, VIEWER_TOKEN, null));
        JsonNode members = story.get("members");
        assertEquals(List.of("first", "rewrite", "copy"), List.of(members.get(0).get("role").asText(),
                members.get(1).get("role").asText(), members.get(2).get("role").asText()));
        for (String field : List.of("id", "url", "title", "source", "publishedAt", "role", "similarity")) {
            assertTrue(members.get(1).has(field), field);
        }
        assertEquals(0.41, members.get(1).get("similarity").asDouble(), 1e-9);
        JsonNode alert = story.get("alerts").get(0);
        assertEquals("su-35", alert.get("topic").asText());
        assertEquals("slack", alert.get("sink").asText());
        assertNotNull(alert.get("sentAt").asText());
        assertEquals(404, send("GET", "/api/v1/stories/nope", VIEWER_TOKEN, null).statusCode());
    }

    @Test
    void alertsListWhatWasSent() throws Exception {
        JsonNode alert = json(send("GET", "/api/v1/alerts?limit=5", VIEWER_TOKEN, null)).get("alerts").get(0);
        assertEquals(Fixtures.FIRST, alert.get("storyId").asText());
        assertEquals("Su-35 deliveries start", alert.get("title").asText());
        for (String field : List.of("topic", "storyId", "title", "url", "sink", "sentAt")) {
            assertTrue(alert.has(field), field);
        }
    }

    @Test
    void anEditorPutsAndRemovesATopicAndAViewerMayNot() throws Exception {
        String body = "{\"name\":\"Kilo subs\",\"query\":\"\\\"Kilo-class\\\" OR submarine\",\"description\":\"d\","
                + "\"labels\":[\"defence\"],\"urgent\":true}";
        assertEquals(403, send("PUT", "/api/v1/topics/kilo", VIEWER_TOKEN, body).statusCode());
        assertTrue(published.isEmpty());
        HttpResponse<String> put = send("PUT", "/api/v1/topics/kilo", EDITOR_TOKEN, body);
        assertEquals(200, put.statusCode(), put.body());
        assertEquals("Kilo subs", json(put).get("name").asText());
        assertEquals("defence", json(put).get("labels").get(0).asText());
        assertTrue(json(put).get("urgent").asBoolean());
        HttpResponse<String> badLabel = send("PUT", "/api/v1/topics/kilo", EDITOR_TOKEN,
                "{\"query\":\"submarine\",\"labels\":[\"Not A Label\"]}");
        assertEquals(400, badLabel.statusCode(), badLabel.body());
        assertEquals(List.of("topic kilo"), published);
        assertTrue(send("GET", "/api/v1/topics", VIEWER_TOKEN, null).body().contains("\"kilo\""));
        assertEquals(403, send("DELETE", "/api/v1/topics/kilo", VIEWER_TOKEN, null).statusCode());
        assertEquals(204, send("DELETE", "/api/v1/topics/kilo", EDITOR_TOKEN, null).statusCode());
        assertEquals(List.of("topic kilo", "-topic kilo"), published);
        assertEquals(404, send("DELETE", "/api/v1/topics/kilo", EDITOR_TOKEN, null).statusCode());
    }

    @Test
    void anEditorMutesAStoryForAWhileSeesItListedAndLiftsItWithAReplay() throws Exception {
        String body = "{\"story\":\"" + Fixtures.FIRST + "\",\"for\":\"PT4H\",\"sink\":\"email\","
                + "\"reason\":\"briefed\"}";
        assertEquals(403, send("PUT", "/api/v1/mutes", VIEWER_TOKEN, body).statusCode());
        HttpResponse<String> put = send("PUT", "/api/v1/mutes", EDITOR_TOKEN, body);
        assertEquals(200, put.statusCode(), put.body());
        String id = "story:" + Fixtures.FIRST + "@email";
        JsonNode mute = json(put);
        assertEquals(id, mute.get("id").asText());
        assertEquals("story", mute.get("scope").asText());
        assertEquals("email", mute.get("sink").asText());
        assertEquals("2026-12-01T14:00:00Z", mute.get("until").asText(), "four hours after the desk's now");
        assertEquals("ci", mute.get("createdBy").asText());
        assertEquals(List.of("mute " + id), published);

        view.applyMuted("email/su-35/" + Fixtures.FIRST, MutedAlert.of("email", view.mute(id, T0.plusSeconds(7200))
                .orElseThrow(), view.story(Fixtures.FIRST).map(d -> mentionOf(d)).orElseThrow(), T0.plusSeconds(60)));
        JsonNode listed = json(send("GET", "/api/v1/mutes", VIEWER_TOKEN, null)).get("mutes");
        assertEquals(1, listed.size());
        assertEquals(1, listed.get(0).get("held").asInt());
        JsonNode muted = json(send("GET", "/api/v1/stories/" + Fixtures.FIRST, VIEWER_TOKEN, null)).get("muted");
        assertEquals("email", muted.get(0).get("sink").asText());
        assertEquals(id, muted.get(0).get("muteId").asText());

        assertEquals(403, send("DELETE", "/api/v1/mutes/" + enc(id), VIEWER_TOKEN, null).statusCode());
        HttpResponse<String> lifted = send("DELETE", "/api/v1/mutes?story=" + Fixtures.FIRST + "&sink=email"
                + "&replay=true", EDITOR_TOKEN, null);
        assertEquals(200, lifted.statusCode(), lifted.body());
        assertEquals(2, json(lifted).get("replayed").asInt());
        assertEquals(List.of(id), muteReplays);
        assertEquals(List.of("mute " + id, "-mute " + id), published);
        assertEquals(0, json(send("GET", "/api/v1/mutes", VIEWER_TOKEN, null)).get("mutes").size());
        assertEquals(404, send("DELETE", "/api/v1/mutes/" + enc(id), EDITOR_TOKEN, null).statusCode());
        HttpResponse<String> late = send("DELETE", "/api/v1/mutes/" + enc(id) + "?replay=true", EDITOR_TOKEN, null);
        assertEquals(200, late.statusCode(), "what a lifted mute still holds can be sent: " + late.body());
        assertEquals(List.of(id, id), muteReplays);
    }

    @Test
    void aMuteWithTwoTargetsAnUnknownSinkOrABadDurationIsRefusedNamingTheField() throws Exception {
        HttpResponse<String> two = send("PUT", "/api/v1/mutes", EDITOR_TOKEN, "{\"topic\":\"su-35\","
                + "\"source\":\"wire\"}");
        assertEquals(400, two.statusCode());
        assertTrue(two.body().contains("exactly one of topic, story and source"), two.body());
        HttpResponse<String> sink = send("PUT", "/api/v1/mutes", EDITOR_TOKEN, "{\"topic\":\"su-35\","
                + "\"sink\":\"pager\"}");
        assertEquals(400, sink.statusCode());
        assertTrue(sink.body().contains("no sink 'pager' is configured here"), sink.body());
        assertEquals("sink", json(sink).get("field").asText());
        HttpResponse<String> duration = send("PUT", "/api/v1/mutes", EDITOR_TOKEN, "{\"topic\":\"su-35\","
                + "\"for\":\"4 hours\"}");
        assertEquals(400, duration.statusCode());
        assertEquals("for", json(duration).get("field").asText());
        HttpResponse<String> past = send("PUT", "/api/v1/mutes", EDITOR_TOKEN, "{\"topic\":\"su-35\","
                + "\"until\":\"2026-12-01T09:00:00Z\"}");
        assertEquals(400, past.statusCode());
        assertTrue(past.body().contains("has passed already"), past.body());
        assertTrue(published.isEmpty());
    }

    private static Mention mentionOf(dev.wirewatch.desk.view.StoryDetail d) {
        return new Mention(1, "su-35", "Su-35", d.summary().id(), d.summary().id(), d.summary().url(),
                d.summary().title(), d.summary().source(), null, List.of(), T0, T0, false);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void explainSaysWhyARetainedArticleOrAPastedTextMatchesAndViewersMayAsk() throws Exception {
        HttpResponse<String> article = send("POST", "/api/v1/topics/explain", VIEWER_TOKEN,
                "{\"query\":\"Su-35 NEAR/2 tanker\",\"articleId\":\"" + Fixtures.REWRITE + "\"}");
        assertEquals(200, article.statusCode(), article.body());
        JsonNode why = json(article);
        assertEquals(false, why.get("matched").asBoolean());
        assertTrue(why.get("clause").get("why").asText().contains("words apart; NEAR/2 allows 2"), article.body());
        HttpResponse<String> text = send("POST", "/api/v1/topics/explain", VIEWER_TOKEN,
                "{\"query\":\"Su-35\",\"text\":\"Two Су-35 landed\"}");
        assertEquals("Су-35", json(text).get("clause").get("found").get(0).get("text").asText());
        assertEquals(404, send("POST", "/api/v1/topics/explain", VIEWER_TOKEN,
                "{\"query\":\"Su-35\",\"articleId\":\"nope\"}").statusCode());
        HttpResponse<String> bad = send("POST", "/api/v1/topics/explain", VIEWER_TOKEN,
                "{\"query\":\"(Su-35\",\"text\":\"x\"}");
        assertEquals(400, bad.statusCode());
        assertEquals(0, json(bad).get("position").asInt());
        assertEquals(400, send("POST", "/api/v1/topics/explain", VIEWER_TOKEN, "{\"query\":\"Su-35\"}")
                .statusCode(), "no text and no article");
    }

    @Test
    void aQueryThatDoesNotParseIsRefusedWithItsPosition() throws Exception {
        HttpResponse<String> bad = send("PUT", "/api/v1/topics/broken", EDITOR_TOKEN,
                "{\"query\":\"Su-35 )\"}");
        assertEquals(400, bad.statusCode());
        assertEquals(6, json(bad).get("position").asInt());
        assertFalse(json(bad).get("error").asText().isBlank());
        assertTrue(published.isEmpty());
        HttpResponse<String> preview = send("POST", "/api/v1/topics/preview", VIEWER_TOKEN, "{\"query\":\"(a OR b\"}");
        assertEquals(400, preview.statusCode());
        assertTrue(json(preview).has("position"));
        assertEquals(400, send("PUT", "/api/v1/topics/Bad_Id", EDITOR_TOKEN, "{\"query\":\"x\"}").statusCode());
        assertEquals(400, send("PUT", "/api/v1/topics/x", EDITOR_TOKEN, "not json").statusCode());
    }

    @Test
    void previewAndSearchUseTheMatchingAnalyzerAndMarkTheMatches() throws Exception {
        JsonNode preview = json(send("POST", "/api/v1/topics/preview", VIEWER_TOKEN, "{\"query\":\"Су-35\"}"));
        assertEquals(3, preview.get("count").asInt(), "the first report, its rewrite and its copy");
        JsonNode match = preview.get("matches").get(0);
        for (String field : List.of("id", "title", "url", "source", "publishedAt", "snippet")) {
            assertTrue(match.has(field), field);
        }
        assertTrue(match.get("snippet").asText().contains("**Su-35**"), match.get("snippet").asText());
        assertEquals(Fixtures.COPY, match.get("id").asText(), "newest first");
        JsonNode search = json(send("GET", "/api/v1/search?q=tanker&limit=5", VIEWER_TOKEN, null));
        assertEquals(1, search.get("count").asInt());
        assertEquals(1, search.get("articles").size());
        assertEquals(400, send("GET", "/api/v1/search?q=%22open", VIEWER_TOKEN, null).statusCode());
    }

    @Test
    void feedsArePutAndRemovedWithTheirChecks() throws Exception {
        assertEquals(400, send("PUT", "/api/v1/feeds", EDITOR_TOKEN, "{\"url\":\"ftp://x/feed\"}").statusCode());
        assertEquals(400, send("PUT", "/api/v1/feeds", EDITOR_TOKEN,
                "{\"url\":\"https://example.org/feed\",\"pollInterval\":\"PT1S\"}").statusCode());
        HttpResponse<String> put = send("PUT", "/api/v1/feeds", EDITOR_TOKEN,
                "{\"url\":\"https://example.org/feed\",\"name\":\"Example\",\"pollInterval\":\"PT10M\"}");
        assertEquals(200, put.statusCode(), put.body());
        JsonNode feeds = json(send("GET", "/api/v1/feeds", VIEWER_TOKEN, null)).get("feeds");
        assertEquals("https://example.org/feed", feeds.get(0).get("url").asText());
        assertEquals("not polled yet", feeds.get(0).get("health").asText());
        assertEquals("PT10M", feeds.get(0).get("pollInterval").asText(), "an ISO-8601 duration, as it was put");
        assertEquals(403, send("DELETE", "/api/v1/feeds?url=https://example.org/feed", VIEWER_TOKEN, null)
                .statusCode());
        assertEquals(204, send("DELETE", "/api/v1/feeds?url=https://example.org/feed", EDITOR_TOKEN, null)
                .statusCode());
        assertEquals(List.of("feed https://example.org/feed", "-feed https://example.org/feed"), published);
    }

    @Test
    void theEventStreamSendsNewAlertsAndStoryUpdates() throws Exception {
        HttpResponse<java.io.InputStream> stream = http.send(HttpRequest.newBuilder(uri("/api/v1/events"))
                .header("Authorization", "Bearer " + VIEWER_TOKEN).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        assertTrue(stream.headers().firstValue("Content-Type").orElseThrow().startsWith("text/event-stream"),
                stream.headers().toString());
        List<String> got = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CompletableFuture<Void> opened = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<Void> storyEvent = new java.util.concurrent.CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(stream.body(),
                    java.nio.charset.StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    got.add(line);
                    if (line.startsWith(":")) {
                        opened.complete(null);
                    } else if (line.startsWith("data: {\"id\"")) {
                        storyEvent.complete(null);
                    }
                }
            } catch (java.io.IOException e) {
                storyEvent.completeExceptionally(e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        within(opened, "the stream opens", got);
        DeliveryRecord sent = new DeliveryRecord(1, "email", "su-35", Fixtures.FIRST, T0.plusSeconds(9));
        server.publish(view.applyDelivery(sent.key(), sent));
        within(storyEvent, "a story event arrives", got);
        assertTrue(got.contains("event: alert"), got.toString());
        assertTrue(got.stream().anyMatch(l -> l.contains("\"sink\":\"email\"")), got.toString());
        assertTrue(got.contains("event: story"), got.toString());
        stream.body().close();
        assertEquals(401, send("GET", "/api/v1/events", null, null).statusCode());
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        HttpResponse<String> r = send("GET", "/api/v1/topics", VIEWER_TOKEN, null);
        assertEquals(DeskServer.CSP, r.headers().firstValue("Content-Security-Policy").orElseThrow());
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElseThrow());
        HttpResponse<String> login = send("GET", "/login", null, null);
        assertEquals(DeskServer.CSP, login.headers().firstValue("Content-Security-Policy").orElseThrow());
    }

    /** Waits at most 10 s for {@code done}; fails saying what did not happen and what the stream said. */
    static void within(java.util.concurrent.CompletableFuture<Void> done, String what, List<String> got)
            throws Exception {
        try {
            done.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not within 10 s: " + what + "; the stream said " + got);
        }
    }

    HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.mapper().readTree(r.body());
    }

    /** One story: a first report, a rewrite on another site, a copy on a third; one alert sent to Slack. */
    static final class Fixtures {
        static final String FIRST = Article.idFor("https://wire.example/su35");
        static final String REWRITE = Article.idFor("https://daily.example/su35-rewrite");
        static final String COPY = Article.idFor("https://copy.example/su35");

        static void story(DeskView view, ArticleIndex index) {
            Article first = article("https://wire.example/su35", "Su-35 deliveries start", "wire",
                    "The first Su-35 fighters arrived at the base on Monday, officials said.", T0);
            Article rewrite = article("https://daily.example/su35-rewrite", "Fighters arrive", "daily",
                    "Officials confirmed that Su-35 jets landed, alongside a tanker aircraft.", T0.plusSeconds(600));
            Article copy = article("https://copy.example/su35", "Su-35 deliveries start", "copycat",
                    first.text(), T0.plusSeconds(900));
            index.put(first);
            index.put(rewrite);
            index.put(copy);
            index.refresh();
            view.applyAssignment(FIRST, assignment(first, FIRST, null, 0, "new-story"));
            view.applyAssignment(REWRITE, assignment(rewrite, FIRST, null, 0.41, "joined-story"));
            view.applyAssignment(COPY, assignment(copy, FIRST, FIRST, 1, "exact-content"));
            view.applyMention(new Mention(1, "su-35", "Su-35", FIRST, FIRST, first.url(), first.title(),
                    first.source(), "**Su-35**", List.of("Su-35"), T0, T0, false));
            view.applyDelivery("slack/su-35/" + FIRST, new DeliveryRecord(1, "slack", "su-35", FIRST,
                    T0.plusSeconds(5)));
            view.applyTopic("su-35", TopicDefinition.of("su-35", "Su-35", "Su-35", null));
        }

        static Article article(String url, String title, String source, String text, Instant at) {
            return Article.of(url, url, title, text, source, null, null, "en", at, at);
        }

        static StoryAssignment assignment(Article a, String story, String original, double similarity, String rule) {
            return new StoryAssignment(1, a.id(), story, original, similarity, rule, a.fetchedAt(), a.url(),
                    a.title(), a.source(), a.publishedAt());
        }
    }
}
