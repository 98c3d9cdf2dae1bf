package dev.wirewatch.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.config.DeskSettings;
import dev.wirewatch.config.MetricsSettings;
import dev.wirewatch.config.WirewatchConfig;
import dev.wirewatch.desk.auth.PasswordHashes;
import dev.wirewatch.launcher.Pipeline;
import dev.wirewatch.launcher.demo.DemoConfig;
import dev.wirewatch.launcher.demo.DemoCorpus;
import dev.wirewatch.launcher.demo.DemoFeedServer;
import dev.wirewatch.launcher.support.Await;
import dev.wirewatch.launcher.support.Browser;
import dev.wirewatch.model.FeedDefinition;
import dev.wirewatch.model.TopicDefinition;
import dev.wirewatch.model.topic.TopicReader;
import dev.wirewatch.model.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

/**
 * An editor's session on the desk, in a real headless Chromium, over the whole demo pipeline on an embedded broker:
 * sign in, watch the demo's stories arrive without a reload, open one, mute it and lift the mute, preview and add a
 * topic, ask why an article or a pasted text matches or not, see a bad query's error, remove a feed, sign out; and a
 * viewer who can look but not change anything.
 */
class DeskBrowserEndToEndTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dataDir;

    @Test
    void anEditorFollowsTheDemoLiveAndChangesTopicsAndFeedsWhileAViewerOnlyLooks() throws Exception {
        DemoCorpus corpus = DemoCorpus.load();
        try (DemoFeedServer server = DemoFeedServer.start(corpus)) {
            WirewatchConfig demo = DemoConfig.load(server.baseUrl(), dataDir);
            WirewatchConfig config = demo.withMetrics(new MetricsSettings(-1, null)).withDesk(
                    DeskSettings.defaults().withPort(0)
                            .withUser(new DeskSettings.User("ed", "editor", PasswordHashes.hash("ed password 1")))
                            .withUser(new DeskSettings.User("vi", "viewer", PasswordHashes.hash("vi password 1"))));
            try (Pipeline pipeline = Pipeline.start(config, EnumSet.allOf(Pipeline.Service.class),
                    new SimpleMeterRegistry(), Clock.systemUTC());
                 Browser browser = Browser.start()) {
                String desk = "http://127.0.0.1:" + pipeline.deskPort() + "/";

                browser.open(desk);
                assertTrue(browser.driver().getCurrentUrl().endsWith("/login"), "pages need a session");
                browser.signIn(desk, "ed", "wrong password");
                assertTrue(browser.text(".problem").contains("Wrong name or password"));
                browser.signIn(desk, "ed", "ed password 1");
                Await.until("the desk is live", WAIT, () -> "live".equals(browser.text("#live")),
                        () -> browser.text("#live"));
                assertEquals(1, browser.all("#stories tr.empty").size(), "nothing has alerted yet");
                browser.script("window.sameDocument = true");

                pipeline.runOnce();
                Await.until("the demo's three stories are on the desk", WAIT,
                        () -> browser.all("#stories tr.story").size() == 3,
                        () -> browser.all("#stories tr.story").size() + " rows");
                assertEquals(Boolean.TRUE, browser.script("return window.sameDocument === true"),
                        "the stories arrived without a reload");
                Await.until("copies are counted on the desk", WAIT,
                        () -> browser.all("#stories .also-on").stream().allMatch(e -> !"0".equals(e.getText())),
                        () -> browser.text("#stories"));
                browser.screenshot(SCREENSHOTS.resolve("desk.png"));

                browser.clickAndAwaitNewPage("#stories tr.story .headline a");
                Await.until("the story page", WAIT, () -> !browser.all("table.members").isEmpty(),
                        () -> browser.driver().getCurrentUrl());
                List<String> roles = browser.all("table.members .role").stream().map(WebElement::getText).toList();
                assertEquals("FIRST", roles.get(0).toUpperCase());
                assertTrue(roles.stream().anyMatch(r -> r.equalsIgnoreCase("copy")), roles.toString());
                assertFalse(browser.all("table.alerts tr").isEmpty(), "the alerts it caused");
                browser.screenshot(SCREENSHOTS.resolve("story.png"));

                // mute the story for its sinks, see it on the mutes page, lift it
                new org.openqa.selenium.support.ui.Select(browser.find("form.mute-form select[name=target]"))
                        .selectByIndex(0);
                browser.clickAndAwaitNewPage("#mute");
                Await.until("the mutes page lists the mute", WAIT,
                        () -> browser.all("table.mutes tr.mute").size() == 1, () -> browser.text("main"));
                assertTrue(browser.text("table.mutes tr.mute").contains("story"), browser.text("table.mutes"));
                assertTrue(browser.text(".notice").startsWith("Muted"), browser.text("main"));
                browser.clickAndAwaitNewPage("table.mutes button.lift");
                Await.until("the mute is lifted", WAIT, () -> browser.all("table.mutes tr.mute").isEmpty(),
                        () -> browser.text("main"));
                assertTrue(browser.text(".notice").contains("stays unsent"), browser.text(".notice"));

                browser.open(desk + "topics");
                browser.find("#topic-query").sendKeys("Su-35");
                Await.until("a preview of what the query matches", WAIT,
                        () -> browser.text(".preview-count").contains("would match"), () -> browser.text("#preview"));
                assertFalse(browser.text(".preview-count").startsWith("0 "), browser.text(".preview-count"));
                assertFalse(browser.all("#preview mark").isEmpty(), "the matches are highlighted");
                browser.find("#preview button.why").click();
                Await.until("why the first previewed article matches", WAIT,
                        () -> browser.text("#explain-out").contains("It matches."), () -> browser.text("#explain-out"));
                browser.find("#explain-text").sendKeys("The Su-30 fleet was grounded.");
                Await.until("why a pasted text does not match", WAIT,
                        () -> browser.text("#explain-out").contains("It does not match.")
                                && browser.text("#explain-out").contains("not in the text"),
                        () -> browser.text("#explain-out"));
                browser.find("#topic-query").sendKeys(" )");
                Await.until("the parse error with its position", WAIT,
                        () -> browser.text(".preview-error").length() > 0 && browser.text(".position").contains("6"),
                        () -> browser.text("#preview"));
                browser.find("#topic-query").clear();
                browser.find("#topic-query").sendKeys("\"Kilo-class\" OR submarine");
                browser.find("#topic-id").sendKeys("kilo");
                browser.find("#topic-name").sendKeys("Kilo submarines");
                browser.clickAndAwaitNewPage("#topic-save");
                Await.until("the topic is saved", WAIT, () -> browser.text(".notice").contains("Topic saved"),
                        () -> browser.text("main"));
                assertFalse(browser.all("tr.topic[data-topic='kilo']").isEmpty());
                Await.until("the topic reached Kafka", WAIT, () -> "\"Kilo-class\" OR submarine".equals(
                        topics(pipeline).get("kilo")), () -> topics(pipeline).toString());

                browser.open(desk + "feeds");
                int feeds = browser.all("tr.feed").size();
                String removed = browser.all("tr.feed").get(0).getAttribute("data-feed");
                browser.clickAndAwaitNewPage("tr.feed .remove");
                Await.until("the feed is gone", WAIT, () -> browser.all("tr.feed").size() == feeds - 1,
                        () -> browser.text("table.feeds"));
                Await.until("the feed's tombstone reached Kafka", WAIT, () -> !feeds(pipeline).containsKey(removed),
                        () -> feeds(pipeline).keySet().toString());

                browser.clickAndAwaitNewPage("#logout");
                Await.until("signed out", WAIT, () -> browser.driver().getCurrentUrl().endsWith("/login"),
                        () -> browser.driver().getCurrentUrl());
                browser.open(desk + "topics");
                assertTrue(browser.driver().getCurrentUrl().endsWith("/login"), "the session ended");

                browser.signIn(desk, "vi", "vi password 1");
                browser.open(desk + "topics");
                assertTrue(browser.all("#topic-form").isEmpty(), "no topic form for a viewer");
                assertTrue(browser.all("tr.topic .remove").isEmpty(), "no remove buttons for a viewer");
                assertFalse(browser.all("tr.topic").isEmpty(), "a viewer sees the topics");
                String csrf = (String) browser.script(
                        "return document.querySelector('meta[name=\"csrf-token\"]').content");
                Cookie session = browser.driver().manage().getCookieNamed("wirewatch_session");
                assertTrue(session.isHttpOnly(), "the session cookie is HttpOnly");
                assertEquals("Strict", session.getSameSite());
                HttpResponse<String> write = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(desk + "topics/kilo/delete"))
                        .header("Cookie", "wirewatch_session=" + session.getValue())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(403, write.statusCode(), "a viewer's write is refused");
                assertTrue(topics(pipeline).containsKey("kilo"));
            }
        }
    }

    private static Map<String, String> topics(Pipeline pipeline) {
        Map<String, String> found = new HashMap<>();
        TopicReader.readToEnd(pipeline.bootstrapServers(), Topics.standard().topicDefinitions(),
                (id, t) -> putOrRemove(found, id, t == null ? null : ((TopicDefinition) t).query()));
        return found;
    }

    private static Map<String, String> feeds(Pipeline pipeline) {
        Map<String, String> found = new HashMap<>();
        TopicReader.readToEnd(pipeline.bootstrapServers(), Topics.standard().feeds(),
                (url, f) -> putOrRemove(found, url, f == null ? null : ((FeedDefinition) f).name()));
        return found;
    }

    private static void putOrRemove(Map<String, String> map, String key, String value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }
}
