package dev.wirewatch.desk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.config.DeskSettings;
import dev.wirewatch.desk.auth.Accounts;
import dev.wirewatch.desk.auth.PasswordHashes;
import dev.wirewatch.desk.auth.Sessions;
import dev.wirewatch.desk.edit.DlqReplay;
import dev.wirewatch.desk.index.ArticleIndex;
import dev.wirewatch.desk.view.DeskView;
import dev.wirewatch.model.TopicDefinition;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages' sign-in, session cookie and CSRF protection over real HTTP (the browser tests drive the same pages in
 * Chromium).
 */
class DeskPagesTest {

    @TempDir
    Path dir;

    List<String> published;
    final List<String> replayed = new ArrayList<>();
    final List<String> muteReplays = new ArrayList<>();
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    DeskView view;
    ArticleIndex index;
    DeskServer server;

    @BeforeEach
    void start() {
        view = new DeskView(DeskView.topicRoutes(Map.of()));
        index = ArticleIndex.rebuiltIn(dir);
        RecordingEdits edits = new RecordingEdits();
        published = edits.published;
        Accounts accounts = new Accounts(List.of(new DeskSettings.User("ed", "editor", PasswordHashes.hash("pw 1"))),
                List.of());
        DlqReplay replay = sink -> {
            replayed.add(sink);
            return new DlqReplay.Outcome(2, 1);
        };
        server = DeskServer.start("127.0.0.1", 0, new DeskBackend(view, index, edits, replay, id -> {
            muteReplays.add(id);
            return 1;
        }, accounts,
                new Sessions(Duration.ofHours(1), Clock.systemUTC()), () -> true, Clock.systemUTC(),
                new SimpleMeterRegistry()));
        DeskApiTest.Fixtures.story(view, index);
    }

    @AfterEach
    void stop() {
        server.close();
        index.close();
    }

    @Test
    void pagesWithoutASessionGoToTheLoginPage() throws Exception {
        for (String page : List.of("/", "/topics", "/feeds", "/deliveries", "/search", "/stories/x")) {
            HttpResponse<String> r = get(page, null);
            assertEquals(303, r.statusCode(), page);
            assertEquals("/login", r.headers().firstValue("Location").orElseThrow(), page);
        }
        assertEquals(404, get("/no-such-page", null).statusCode());
    }

    @Test
    void signingInNeedsTheFormsTokenAndTheRightPasswordAndGivesAStrictHttpOnlyCookie() throws Exception {
        Login login = loginPage();
        assertEquals(403, post("/login", login.cookie, "username=ed&password=pw+1").statusCode(),
                "no CSRF token");
        assertEquals(403, post("/login", null, "_csrf=" + login.token + "&username=ed&password=pw+1").statusCode(),
                "a token without its cookie");
        assertEquals(401, post("/login", login.cookie, "_csrf=" + login.token + "&username=ed&password=nope")
                .statusCode());
        HttpResponse<String> ok = post("/login", login.cookie, "_csrf=" + login.token + "&username=ed&password=pw+1");
        assertEquals(303, ok.statusCode());
        String cookie = ok.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("wirewatch_session="))
                .findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertEquals(200, get("/", cookieOf(cookie)).statusCode());
    }

    @Test
    void guessingPasswordsIsThrottled() throws Exception {
        Login login = loginPage();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, post("/login", login.cookie, "_csrf=" + login.token + "&username=ed&password=guess" + i)
                    .statusCode());
        }
        assertEquals(429, post("/login", login.cookie, "_csrf=" + login.token + "&username=ed&password=pw+1")
                .statusCode(), "even the right password waits out the throttle");
    }

    @Test
    void everyFormAndCookieWriteNeedsTheSessionsCsrfToken() throws Exception {
        String session = signIn();
        HttpResponse<String> page = get("/topics", session);
        String csrf = field(page.body(), "_csrf");
        String form = "id=kilo&query=" + URLEncoder.encode("submarine", StandardCharsets.UTF_8);
        assertEquals(403, post("/topics", session, form).statusCode());
        assertEquals(403, post("/topics", session, form + "&_csrf=forged").statusCode());
        assertTrue(published.isEmpty());
        HttpResponse<String> saved = post("/topics", session, form + "&_csrf=" + csrf);
        assertEquals(303, saved.statusCode());
        assertEquals(List.of("topic kilo"), published);
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(uri("/api/v1/topics/kilo2")).header("Cookie",
                        session).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"query\":\"x\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, api.statusCode(), "a cookie-authenticated API write needs X-CSRF-Token");
        HttpResponse<String> bad = post("/topics", session, "id=kilo&query=%28open&_csrf=" + csrf);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("at character"), "the page shows the query's error with its position");
    }

    @Test
    void theServerEscapesWhatItRenders() throws Exception {
        String session = signIn();
        view.applyTopic("x", TopicDefinition.of("x", "<b>bold</b>", "x", "\"><script>alert(1)</script>"));
        String body = get("/topics", session).body();
        assertTrue(body.contains("&lt;b&gt;bold&lt;/b&gt;"), body);
        assertFalse(body.contains("<script>alert(1)"), body);
    }

    @Test
    void opmlImportPublishesEveryFeedAndExportListsThem() throws Exception {
        String session = signIn();
        String csrf = field(get("/feeds", session).body(), "_csrf");
        String opml = "<?xml version=\"1.0\"?><opml version=\"2.0\"><body><outline text=\"World\">"
                + "<outline text=\"One &amp; Co\" xmlUrl=\"https://one.example/rss\"/>"
                + "<outline title=\"Two\" xmlUrl=\"https://two.example/atom\"/></outline></body></opml>";
        assertEquals(303, upload(session, csrf, opml).statusCode());
        assertEquals(List.of("feed https://one.example/rss", "feed https://two.example/atom"), published);
        String export = get("/feeds.opml", session).body();
        assertTrue(export.contains("xmlUrl=\"https://one.example/rss\"") && export.contains("One &amp; Co"), export);
        HttpResponse<String> doctype = upload(session, csrf, "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<opml><body><outline xmlUrl=\"https://three.example/&e;\"/></body></opml>");
        assertEquals(400, doctype.statusCode(), "a DOCTYPE is refused, as in config files");
        assertEquals(2, published.size());
        assertEquals(403, upload(session, "forged", opml).statusCode());
    }

    @Test
    void theReplayButtonReplaysTheSinksDeadLettersForAnEditor() throws Exception {
        String session = signIn();
        String csrf = field(get("/deliveries", session).body(), "_csrf");
        HttpResponse<String> r = post("/deliveries/replay", session, "sink=slack&_csrf=" + csrf);
        assertEquals(200, r.statusCode());
        assertEquals(List.of("slack"), replayed);
        assertTrue(r.body().contains("2 delivered, 1 failed again"), r.body());
    }

    @Test
    void anEditorMutesATopicFromTheStoryPageAndLiftsItWithASendFromTheMutesPage() throws Exception {
        String session = signIn();
        String story = get("/stories/" + DeskApiTest.Fixtures.FIRST, session).body();
        assertTrue(story.contains("value=\"topic:su-35\"") && story.contains("value=\"story:"
                + DeskApiTest.Fixtures.FIRST + "\""), story);
        String csrf = field(story, "_csrf");
        HttpResponse<String> muted = post("/mutes", session, "target=topic%3Asu-35&for=PT4H&sink=&reason="
                + URLEncoder.encode("<script>alert(1)</script>", StandardCharsets.UTF_8) + "&_csrf=" + csrf);
        assertEquals(303, muted.statusCode(), muted.body());
        assertEquals(List.of("mute topic:su-35"), published);
        String page = get("/mutes?done=muted", session).body();
        assertTrue(page.contains("data-mute=\"topic:su-35\"") && page.contains("Lift and send"), page);
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the reason is escaped");
        assertFalse(page.contains("<script>alert(1)"), page);

        HttpResponse<String> lifted = post("/mutes/lift", session, "id=topic%3Asu-35&replay=on&_csrf=" + csrf);
        assertEquals(200, lifted.statusCode());
        assertEquals(List.of("topic:su-35"), muteReplays);
        assertTrue(lifted.body().contains("1 held-back alert(s) sent to the sinks again"), lifted.body());
        assertEquals(List.of("mute topic:su-35", "-mute topic:su-35"), published);
        assertEquals(404, post("/mutes/lift", session, "id=topic%3Asu-35&_csrf=" + csrf).statusCode());
        assertEquals(400, post("/mutes", session, "target=topic%3Asu-35&for=soon&_csrf=" + csrf).statusCode());
    }

    private HttpResponse<String> upload(String session, String csrf, String opml) throws Exception {
        String boundary = "----wirewatch" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"opml\"; filename=\"feeds.opml\"\r\n"
                + "Content-Type: text/x-opml\r\n\r\n" + opml + "\r\n--" + boundary + "--\r\n";
        return http.send(HttpRequest.newBuilder(uri("/feeds/import")).header("Cookie", session)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private record Login(String token, String cookie) {
    }

    private Login loginPage() throws Exception {
        HttpResponse<String> r = get("/login", null);
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("wirewatch_login="))
                .findFirst().orElseThrow();
        return new Login(field(r.body(), "_csrf"), cookieOf(cookie));
    }

    private String signIn() throws Exception {
        Login login = loginPage();
        HttpResponse<String> ok = post("/login", login.cookie, "_csrf=" + login.token + "&username=ed&password=pw+1");
        return cookieOf(ok.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("wirewatch_session=")).findFirst().orElseThrow());
    }

    private static String cookieOf(String setCookie) {
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), "no " + name + " in the page");
        return m.group(1);
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String cookie, String form) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
