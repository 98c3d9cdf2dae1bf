package dev.wirewatch.desk.bench;

import dev.wirewatch.config.DeskSettings;
import dev.wirewatch.desk.auth.Accounts;
import dev.wirewatch.desk.auth.Sessions;
import dev.wirewatch.desk.index.ArticleIndex;
import dev.wirewatch.desk.view.DeskView;
import dev.wirewatch.desk.web.DeskBackend;
import dev.wirewatch.desk.web.DeskServer;
import dev.wirewatch.desk.web.RecordingEdits;
import dev.wirewatch.model.Article;
import dev.wirewatch.model.DeliveryRecord;
import dev.wirewatch.model.FeedDefinition;
import dev.wirewatch.model.FeedStatus;
import dev.wirewatch.model.Mention;
import dev.wirewatch.model.StoryAssignment;
import dev.wirewatch.model.TopicDefinition;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How fast every desk page and API call answers with 10,000 retained articles (2,000 stories that alerted, each
 * with a rewrite and three copies on other sites, 40 feeds, 5 topics, 2 sinks): server time per request measured by
 * the client over loopback, p50 and p99 of 40 requests after 10 warm-ups, and the ratio to the sign-in page
 * (a template with no data) measured in the same run. Prints, asserts nothing.
 *
 * <p>{@code ./mvnw -q -pl desk test -Dbenchmarks -Dtest=DeskPageBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
class DeskPageBenchmark {

    static final int ARTICLES = Integer.getInteger("bench.articles", 10_000);
    static final int PER_STORY = 5;
    static final String TOKEN = "benchmark-token-0123456789";
    static final String[] WORDS = ("defence ministry fighter jets contract delivery navy port tanker aircraft "
            + "officials said talks budget rubles payment bank sanctions export regional security analysts "
            + "president visit agreement squadron pilots training airbase engine maintenance order billion").split(" ");

    @TempDir
    Path dir;

    @Test
    void everyPageWithTenThousandRetainedArticles() throws Exception {
        DeskView view = new DeskView(DeskView.topicRoutes(Map.of("slack", List.of(), "email", List.of("t1"))));
        ArticleIndex index = ArticleIndex.rebuiltIn(dir);
        long loadStart = System.nanoTime();
        String story = load(view, index);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        Sessions sessions = new Sessions(Duration.ofHours(1), Clock.systemUTC());
        Sessions.Session session = sessions.open(new dev.wirewatch.desk.auth.Principal("bench",
                DeskSettings.Role.EDITOR));
        DeskServer server = DeskServer.start("127.0.0.1", 0, new DeskBackend(view, index, new RecordingEdits(), null, id -> 0,
                new Accounts(List.of(), List.of(new DeskSettings.ApiToken("b", "editor", TOKEN))), sessions,
                () -> true, Clock.systemUTC(), new SimpleMeterRegistry()));
        try {
            String base = "http://127.0.0.1:" + server.port();
            HttpClient http = HttpClient.newHttpClient();
            String cookie = "wirewatch_session=" + session.id();
            Map<String, HttpRequest> requests = new LinkedHashMap<>();
            requests.put("GET /login (baseline)", HttpRequest.newBuilder(URI.create(base + "/login")).build());
            for (String page : List.of("/", "/?topic=t2&range=P7D", "/stories/" + story, "/topics", "/feeds",
                    "/deliveries", "/search?q=tanker%20NEAR/5%20rubles", "/fragments/stories")) {
                requests.put("GET " + page, HttpRequest.newBuilder(URI.create(base + page)).header("Cookie", cookie)
                        .build());
            }
            for (String api : List.of("/api/v1/stories?limit=50", "/api/v1/stories/" + story, "/api/v1/alerts",
                    "/api/v1/feeds", "/api/v1/topics", "/api/v1/search?q=fighter%20AND%20rubles&limit=50")) {
                requests.put("GET " + api, HttpRequest.newBuilder(URI.create(base + api))
                        .header("Authorization", "Bearer " + TOKEN).build());
            }
            requests.put("POST /api/v1/topics/preview", HttpRequest.newBuilder(URI.create(base
                            + "/api/v1/topics/preview")).header("Authorization", "Bearer " + TOKEN)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"\\\"fighter jets\\\" OR tanker\"}"))
                    .build());
            System.out.printf("desk pages: %d articles in %d stories indexed and viewed in %.1f s%n", ARTICLES,
                    ARTICLES / PER_STORY, loadSeconds);
            double baseline = -1;
            for (Map.Entry<String, HttpRequest> e : requests.entrySet()) {
                double[] ms = time(http, e.getValue());
                if (baseline < 0) {
                    baseline = ms[0];
                }
                System.out.printf("  %-56s p50 %6.1f ms  p99 %6.1f ms  (%.1f× the sign-in page)%n", e.getKey(), ms[0],
                        ms[1], ms[0] / baseline);
            }
        } finally {
            server.close();
            index.close();
        }
    }

    private static double[] time(HttpClient http, HttpRequest request) throws Exception {
        for (int i = 0; i < 10; i++) {
            check(http.send(request, HttpResponse.BodyHandlers.ofString()), request);
        }
        double[] ms = new double[40];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            check(http.send(request, HttpResponse.BodyHandlers.ofString()), request);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.99) - 1]};
    }

    private static void check(HttpResponse<String> r, HttpRequest request) {
        if (r.statusCode() != 200) {
            throw new AssertionError(request.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    /** Fills the view and the index; returns one story's id. */
    private static String load(DeskView view, ArticleIndex index) {
        Random random = new Random(17);
        Instant t0 = Instant.parse("2026-11-25T00:00:00Z");
        for (int f = 0; f < 40; f++) {
            String url = "https://site" + f + ".example/feed.xml";
            view.applyFeed(url, FeedDefinition.of(url, "Site " + f, Duration.ofMinutes(5)));
            view.applyFeedStatus(url, new FeedStatus(1, url, "Site " + f, t0, t0, null, "ok", null, 0, 20, 250, t0));
        }
        for (int t = 0; t < 5; t++) {
            view.applyTopic("t" + t, TopicDefinition.of("t" + t, "Topic " + t, WORDS[t] + " OR " + WORDS[t + 5],
                    null));
        }
        String first = null;
        List<Article> batch = new ArrayList<>();
        for (int s = 0; s < ARTICLES / PER_STORY; s++) {
            Instant at = t0.plusSeconds(s * 240L);
            String storyId = null;
            for (int m = 0; m < PER_STORY; m++) {
                String url = "https://site" + ((s + m) % 40) + ".example/news/" + s + "-" + m;
                Article a = Article.of(url, url, "Story " + s + ": " + words(random, 8), words(random, 400),
                        "Site " + ((s + m) % 40), null, null, "en", at.plusSeconds(m * 30L), at.plusSeconds(m * 30L));
                batch.add(a);
                if (storyId == null) {
                    storyId = a.id();
                }
                String original = m >= 2 ? storyId : null;
                view.applyAssignment(a.id(), new StoryAssignment(1, a.id(), storyId, original, m == 0 ? 0 : 0.8,
                        m == 0 ? "new-story" : m == 1 ? "joined-story" : "exact-content", a.fetchedAt(), a.url(),
                        a.title(), a.source(), a.publishedAt()));
            }
            String topic = "t" + (s % 5);
            view.applyMention(new Mention(1, topic, topic, storyId, storyId, "https://x/" + s, "Story " + s,
                    "Site " + (s % 40), "the **" + topic + "**", List.of(topic), at, at, false));
            view.applyDelivery("slack/" + topic + "/" + storyId, new DeliveryRecord(1, "slack", topic, storyId,
                    at.plusSeconds(2)));
            if (first == null) {
                first = storyId;
            }
        }
        batch.forEach(index::put);
        index.refresh();
        return first;
    }

    private static String words(Random random, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(WORDS[random.nextInt(WORDS.length)]).append(i % 17 == 16 ? ". " : " ");
        }
        return b.toString().trim();
    }
}
