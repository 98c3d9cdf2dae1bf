package dev.wirewatch.desk.web;

import dev.wirewatch.config.FeedSettings;
import dev.wirewatch.config.OpmlReader;
import dev.wirewatch.desk.auth.Principal;
import dev.wirewatch.desk.auth.Sessions;
import dev.wirewatch.desk.auth.SignInThrottle;
import dev.wirewatch.desk.edit.DlqReplay;
import dev.wirewatch.desk.index.SearchResult;
import dev.wirewatch.desk.view.StoryFilter;
import dev.wirewatch.model.FeedDefinition;
import dev.wirewatch.model.TopicDefinition;
import dev.wirewatch.query.QuerySyntaxException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import io.micrometer.core.instrument.Counter;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The desk's pages, rendered on the server: desk, story, topics, feeds, deliveries, search, sign-in. Forms post
 * back and redirect (a fixed notice names what was done); input errors re-render the page with the problem.
 *
 * <p>Thread safe.
 */
final class PageRoutes {

    static final String LOGIN_COOKIE = "wirewatch_login";

    /** What a redirect after a change may announce: fixed texts, so no request can make the page say anything. */
    private static final Map<String, String> NOTICES = Map.of(
            "topic-saved", "Topic saved; processing matches it from now on and backfills recent articles.",
            "topic-removed", "Topic removed.",
            "feed-added", "Feed saved; ingest polls it from its next round.",
            "feed-removed", "Feed removed.",
            "opml-imported", "OPML imported.",
            "replayed", "Dead letters replayed; see the counts below.");

    private final DeskBackend backend;
    private final Templates templates;
    private final Counter signInFailures;
    private final SignInThrottle throttle;

    PageRoutes(DeskBackend backend, Templates templates) {
        this.backend = backend;
        this.templates = templates;
        this.signInFailures = Counter.builder("wirewatch_desk_sign_in_failures")
                .description("sign-ins refused for a wrong name or password, or while throttled")
                .register(backend.registry());
        this.throttle = new SignInThrottle(backend.clock());
    }

    void register(RoutesConfig routes) {
        routes.get("/login", ctx -> loginPage(ctx, null, 200));
        routes.post("/login", this::signIn);
        routes.post("/logout", this::signOut);
        routes.get("/", this::desk);
        routes.get("/fragments/stories", ctx -> templates.render(ctx, "rows.jte",
                new Pages.Rows(backend.view().stories(filter(ctx)))));
        routes.get("/stories/{id}", this::story);
        routes.get("/topics", ctx -> topicsPage(ctx, null, new TopicForm(null, null, null, null, null, false)));
        routes.post("/topics", this::saveTopic);
        routes.post("/topics/{id}/delete", this::removeTopic);
        routes.get("/feeds", ctx -> feedsPage(ctx, null));
        routes.post("/feeds", this::addFeed);
        routes.post("/feeds/delete", this::removeFeed);
        routes.post("/feeds/import", this::importOpml);
        routes.get("/feeds.opml", this::exportOpml);
        routes.get("/deliveries", ctx -> deliveriesPage(ctx, null));
        routes.post("/deliveries/replay", this::replay);
        routes.get("/search", this::search);
    }

    private void loginPage(Context ctx, String error, int status) {
        String token = Sessions.randomToken();
        Cookies.set(ctx, LOGIN_COOKIE, token, Duration.ofMinutes(30));
        ctx.status(status);
        templates.render(ctx, "login.jte", new Pages.Login(token, error));
    }

    private void signIn(Context ctx) {
        if (!Guard.sameToken(ctx.formParam(Guard.CSRF_FIELD), ctx.cookie(LOGIN_COOKIE))) {
            loginPage(ctx, "The sign-in form expired; please try again.", 403);
            return;
        }
        String name = String.valueOf(ctx.formParam("username"));
        if (throttle.blocked(name, ctx.ip())) {
            signInFailures.increment();
            loginPage(ctx, "Too many failed sign-ins; try again in a few minutes.", 429);
            return;
        }
        Principal principal = backend.accounts().signIn(ctx.formParam("username"), ctx.formParam("password"))
                .orElse(null);
        if (principal == null) {
            signInFailures.increment();
            throttle.failed(name, ctx.ip());
            loginPage(ctx, "Wrong name or password.", 401);
            return;
        }
        throttle.succeeded(name);
        Sessions.Session session = backend.sessions().open(principal);
        Cookies.clear(ctx, LOGIN_COOKIE);
        Cookies.set(ctx, Guard.SESSION_COOKIE, session.id(), Duration.between(backend.clock().instant(),
                session.expiresAt()));
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void signOut(Context ctx) {
        Sessions.Session session = Guard.session(ctx);
        if (session != null) {
            backend.sessions().close(session.id());
        }
        Cookies.clear(ctx, Guard.SESSION_COOKIE);
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    private void desk(Context ctx) {
        StoryFilter filter = filter(ctx);
        String query = "topic=" + enc(filter.topic()) + "&range=" + enc(ctx.queryParam("range")) + "&source="
                + enc(filter.source());
        templates.render(ctx, "desk.jte", new Pages.Desk(chrome(ctx, "Desk", "desk", null),
                backend.view().stories(filter), backend.view().topics(), backend.view().sources(), filter.topic(),
                blankToNull(ctx.queryParam("range")), filter.source(), query, backend.caughtUp().getAsBoolean()));
    }

    private StoryFilter filter(Context ctx) {
        Instant since = null;
        String range = ctx.queryParam("range");
        if (range != null && !range.isBlank()) {
            try {
                since = backend.clock().instant().minus(Duration.parse(range.trim()));
            } catch (DateTimeParseException e) {
                throw new BadInput("range", "'" + range + "' is not a duration such as PT24H");
            }
        }
        return new StoryFilter(ctx.queryParam("topic"), since, null, ctx.queryParam("source"),
                StoryFilter.DEFAULT_LIMIT);
    }

    private void story(Context ctx) {
        var story = backend.view().story(ctx.pathParam("id"));
        if (story.isEmpty()) {
            ctx.status(404);
            templates.render(ctx, "search.jte", new Pages.Search(chrome(ctx, "Not found", "desk",
                    "No such story (it may have expired)."), "", null, null, -1));
            return;
        }
        String title = story.get().summary().title();
        templates.render(ctx, "story.jte", new Pages.Story(chrome(ctx, title == null ? "Story" : title, "desk",
                null), story.get(), backend.view().sinkIds()));
    }

    /** What the topic form holds: empty, an edited topic, or what was posted (after a problem). */
    private record TopicForm(String id, String name, String query, String description, String labels,
                             boolean urgent) {
        static TopicForm posted(Context ctx) {
            return new TopicForm(ctx.formParam("id"), ctx.formParam("name"), ctx.formParam("query"),
                    ctx.formParam("description"), ctx.formParam("labels"), ctx.formParam("urgent") != null);
        }
    }

    private void topicsPage(Context ctx, String problem, TopicForm form) {
        String edit = ctx.queryParam("edit");
        if (problem == null && edit != null) {
            TopicDefinition t = backend.view().topic(edit).orElse(null);
            if (t != null) {
                form = new TopicForm(t.id(), t.name(), t.query(), t.description(), String.join(", ", t.labels()),
                        t.urgent());
            }
        }
        templates.render(ctx, "topics.jte", new Pages.Topics(chrome(ctx, "Topics", "topics", problem),
                backend.view().topics(), form.id(), form.name(), form.query(), form.description(), form.labels(),
                form.urgent()));
    }

    private void saveTopic(Context ctx) {
        String id = ctx.formParam("id");
        try {
            TopicDefinition topic = Inputs.topic(id, ctx.formParam("name"), ctx.formParam("query"),
                    ctx.formParam("description"), Inputs.labels(ctx.formParam("labels")),
                    ctx.formParam("urgent") != null);
            backend.edits().putTopic(topic);
            backend.view().applyTopic(topic.id(), topic);
            done(ctx, "/topics", "topic-saved");
        } catch (BadInput e) {
            ctx.status(400);
            String where = e.position >= 0 ? " (at character " + e.position + ")" : "";
            topicsPage(ctx, e.getMessage() + where, TopicForm.posted(ctx));
        }
    }

    private void removeTopic(Context ctx) {
        String id = ctx.pathParam("id");
        if (backend.view().topic(id).isPresent()) {
            backend.edits().removeTopic(id);
            backend.view().applyTopic(id, null);
        }
        done(ctx, "/topics", "topic-removed");
    }

    private void feedsPage(Context ctx, String problem) {
        templates.render(ctx, "feeds.jte", new Pages.Feeds(chrome(ctx, "Feeds", "feeds", problem),
                backend.view().feeds()));
    }

    private void addFeed(Context ctx) {
        try {
            FeedDefinition feed = Inputs.feed(ctx.formParam("url"), ctx.formParam("name"),
                    ctx.formParam("pollInterval"));
            backend.edits().putFeed(feed);
            backend.view().applyFeed(feed.url(), feed);
            done(ctx, "/feeds", "feed-added");
        } catch (BadInput e) {
            ctx.status(400);
            feedsPage(ctx, e.getMessage());
        }
    }

    private void removeFeed(Context ctx) {
        String url = ctx.formParam("url");
        if (url != null && backend.view().feeds().stream().anyMatch(r -> r.feed().url().equals(url))) {
            backend.edits().removeFeed(url);
            backend.view().applyFeed(url, null);
        }
        done(ctx, "/feeds", "feed-removed");
    }

    private void importOpml(Context ctx) throws java.io.IOException {
        UploadedFile file = ctx.uploadedFile("opml");
        if (file == null) {
            ctx.status(400);
            feedsPage(ctx, "Choose an OPML file to import.");
            return;
        }
        List<FeedSettings> feeds;
        try (InputStream in = file.content()) {
            feeds = OpmlReader.read(in, "the uploaded file");
        } catch (OpmlReader.OpmlException e) {
            ctx.status(400);
            feedsPage(ctx, e.getMessage());
            return;
        }
        try {
            List<FeedDefinition> checked = feeds.stream().map(f -> Inputs.feed(f.url(), f.name(),
                    f.pollInterval() == null ? null : f.pollInterval().toString())).toList();
            for (FeedDefinition feed : checked) {
                backend.edits().putFeed(feed);
                backend.view().applyFeed(feed.url(), feed);
            }
            done(ctx, "/feeds", "opml-imported");
        } catch (BadInput e) {
            ctx.status(400);
            feedsPage(ctx, "Nothing imported: " + e.getMessage());
        }
    }

    private void exportOpml(Context ctx) {
        ctx.header("Content-Disposition", "attachment; filename=\"wirewatch-feeds.opml\"");
        ctx.contentType("text/x-opml; charset=utf-8").result(Opml.write(backend.view().feeds()));
    }

    private void deliveriesPage(Context ctx, String notice) {
        templates.render(ctx, "deliveries.jte", new Pages.Deliveries(chrome(ctx, "Deliveries", "deliveries", null,
                notice), backend.view().deliveries(100), backend.replay() != null));
    }

    private void replay(Context ctx) throws InterruptedException {
        DlqReplay replay = backend.replay();
        String sink = ctx.formParam("sink");
        if (replay == null || sink == null) {
            ctx.status(400);
            deliveriesPage(ctx, null);
            return;
        }
        try {
            DlqReplay.Outcome outcome = replay.replay(sink);
            deliveriesPage(ctx, "Replayed for " + sink + ": " + outcome.delivered() + " delivered, "
                    + outcome.failedAgain() + " failed again (back in the dead letters).");
        } catch (IllegalArgumentException e) {
            ctx.status(400);
            deliveriesPage(ctx, e.getMessage());
        }
    }

    private void search(Context ctx) {
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) {
            templates.render(ctx, "search.jte", new Pages.Search(chrome(ctx, "Search", "search", null), "", null,
                    null, -1));
            return;
        }
        try {
            Inputs.checkQuery(q);
            SearchResult result = backend.index().search(q, 50);
            templates.render(ctx, "search.jte", new Pages.Search(chrome(ctx, "Search", "search", null), q, result,
                    null, -1));
        } catch (BadInput e) {
            ctx.status(400);
            templates.render(ctx, "search.jte", new Pages.Search(chrome(ctx, "Search", "search", null), q, null,
                    e.getMessage(), e.position));
        } catch (QuerySyntaxException e) {
            ctx.status(400);
            templates.render(ctx, "search.jte", new Pages.Search(chrome(ctx, "Search", "search", null), q, null,
                    e.getMessage(), e.position()));
        }
    }

    private Pages.Chrome chrome(Context ctx, String title, String section, String problem) {
        String done = ctx.queryParam("done");
        return chrome(ctx, title, section, problem, done == null ? null : NOTICES.get(done));
    }

    static Pages.Chrome chrome(Context ctx, String title, String section, String problem, String notice) {
        Principal p = Guard.principal(ctx);
        Sessions.Session s = Guard.session(ctx);
        return new Pages.Chrome(title, p.name(), p.mayEdit(), s == null ? "" : s.csrfToken(), section, notice,
                problem);
    }

    private static void done(Context ctx, String page, String notice) {
        ctx.redirect(page + "?done=" + notice, HttpStatus.SEE_OTHER);
    }

    private static String enc(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
