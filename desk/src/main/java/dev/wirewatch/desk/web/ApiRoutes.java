package dev.wirewatch.desk.web;

import dev.wirewatch.desk.index.SearchResult;
import dev.wirewatch.desk.view.StoryFilter;
import dev.wirewatch.model.FeedDefinition;
import dev.wirewatch.model.TopicDefinition;
import dev.wirewatch.query.QuerySyntaxException;
import dev.wirewatch.query.TopicQueryParser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code /api/v1}: JSON over HTTP for scripts and outside checks, and for the pages' live parts. Every route needs a
 * bearer token or a session ({@link Guard}).
 *
 * <p>Thread safe.
 */
final class ApiRoutes {

    static final String BASE = "/api/v1";
    private static final int MAX_LIMIT = 500;

    private final DeskBackend backend;
    private final LiveEvents live;

    ApiRoutes(DeskBackend backend, LiveEvents live) {
        this.backend = backend;
        this.live = live;
    }

    void register(RoutesConfig routes) {
        routes.get(BASE + "/stories", this::stories);
        routes.get(BASE + "/stories/{id}", this::story);
        routes.get(BASE + "/alerts", ctx -> ctx.json(new ApiJson.Alerts(backend.view().alerts(
                Inputs.limit(ctx.queryParam("limit"), 50, MAX_LIMIT)))));
        routes.get(BASE + "/topics", ctx -> ctx.json(new ApiJson.Topics(backend.view().topics().stream()
                .map(ApiJson.Topic::of).toList())));
        routes.put(BASE + "/topics/{id}", this::putTopic);
        routes.delete(BASE + "/topics/{id}", this::deleteTopic);
        routes.post(BASE + "/topics/preview", this::preview);
        routes.post(BASE + "/topics/explain", this::explain);
        routes.get(BASE + "/feeds", ctx -> ctx.json(new ApiJson.Feeds(backend.view().feeds().stream()
                .map(ApiJson.Feed::of).toList())));
        routes.put(BASE + "/feeds", this::putFeed);
        routes.delete(BASE + "/feeds", this::deleteFeed);
        routes.get(BASE + "/search", this::search);
        routes.get(BASE + "/deliveries", ctx -> ctx.json(java.util.Map.of("sinks",
                backend.view().deliveries(Inputs.limit(ctx.queryParam("limit"), 100, MAX_LIMIT)))));
        routes.get(BASE + "/events", live::serve);
    }

    private void stories(Context ctx) {
        StoryFilter filter = new StoryFilter(ctx.queryParam("topic"), Inputs.instant("since", ctx.queryParam("since")),
                Inputs.instant("until", ctx.queryParam("until")), ctx.queryParam("source"),
                Inputs.limit(ctx.queryParam("limit"), StoryFilter.DEFAULT_LIMIT, StoryFilter.MAX_LIMIT));
        ctx.json(new ApiJson.Stories(backend.view().stories(filter).stream().map(ApiJson.Story::of).toList()));
    }

    private void story(Context ctx) {
        backend.view().story(ctx.pathParam("id")).ifPresentOrElse(
                d -> ctx.json(ApiJson.StoryWithMembers.of(d)),
                () -> ctx.status(404).json(new ApiJson.Error("no story " + ctx.pathParam("id"), null, "id")));
    }

    private void putTopic(Context ctx) {
        ApiJson.TopicBody body = body(ctx, ApiJson.TopicBody.class);
        TopicDefinition topic = Inputs.topic(ctx.pathParam("id"), body.name(), body.query(), body.description(),
                body.labels(), body.urgent() != null && body.urgent());
        backend.edits().putTopic(topic);
        backend.view().applyTopic(topic.id(), topic);
        ctx.json(ApiJson.Topic.of(topic));
    }

    private void deleteTopic(Context ctx) {
        String id = ctx.pathParam("id");
        if (backend.view().topic(id).isEmpty()) {
            ctx.status(404).json(new ApiJson.Error("no topic " + id, null, "id"));
            return;
        }
        backend.edits().removeTopic(id);
        backend.view().applyTopic(id, null);
        ctx.status(204);
    }

    private void preview(Context ctx) throws QuerySyntaxException {
        ApiJson.PreviewBody body = body(ctx, ApiJson.PreviewBody.class);
        Inputs.checkQuery(body.query());
        SearchResult result = backend.index().search(body.query(),
                Inputs.limit(ctx.queryParam("limit"), 10, MAX_LIMIT));
        ctx.json(new ApiJson.Preview(result.count(), result.articles()));
    }

    /** Why a text, or a retained article, matches a query or not, clause by clause. */
    private void explain(Context ctx) throws QuerySyntaxException {
        ApiJson.ExplainBody body = body(ctx, ApiJson.ExplainBody.class);
        Inputs.checkQuery(body.query());
        String text = body.text();
        if (body.articleId() != null && !body.articleId().isBlank()) {
            text = backend.index().searchableText(body.articleId().trim()).orElse(null);
            if (text == null) {
                ctx.status(404).json(new ApiJson.Error("no retained article " + body.articleId(), null,
                        "articleId"));
                return;
            }
        } else if (text == null || text.isBlank()) {
            throw new BadInput("text", "give the text to explain, or an articleId");
        } else if (text.length() > Inputs.MAX_EXPLAINED) {
            throw new BadInput("text", "the text is longer than " + Inputs.MAX_EXPLAINED + " characters");
        }
        ctx.json(TopicQueryParser.explain(body.query(), text));
    }

    private void search(Context ctx) throws QuerySyntaxException {
        String q = ctx.queryParam("q");
        Inputs.checkQuery(q);
        SearchResult result = backend.index().search(q, Inputs.limit(ctx.queryParam("limit"), 50, MAX_LIMIT));
        ctx.json(new ApiJson.Search(result.count(), result.articles()));
    }

    private void putFeed(Context ctx) {
        ApiJson.FeedBody body = body(ctx, ApiJson.FeedBody.class);
        FeedDefinition feed = Inputs.feed(body.url(), body.name(), body.pollInterval());
        backend.edits().putFeed(feed);
        backend.view().applyFeed(feed.url(), feed);
        ctx.json(ApiJson.Feed.of(backend.view().feeds().stream().filter(r -> r.feed().url().equals(feed.url()))
                .findFirst().orElseThrow()));
    }

    private void deleteFeed(Context ctx) {
        String url = ctx.queryParam("url");
        if (url == null || backend.view().feeds().stream().noneMatch(r -> r.feed().url().equals(url))) {
            ctx.status(404).json(new ApiJson.Error("no feed " + url, null, "url"));
            return;
        }
        backend.edits().removeFeed(url);
        backend.view().applyFeed(url, null);
        ctx.status(204);
    }

    static <T> T body(Context ctx, Class<T> type) {
        try {
            T body = ctx.bodyAsClass(type);
            if (body == null) {
                throw new BadInput("body", "expected a JSON object");
            }
            return body;
        } catch (BadInput e) {
            throw e;
        } catch (Exception e) { // Javalin rethrows Jackson's checked exceptions unchecked
            throw new BadInput("body", "expected a JSON object with the fields of " + type.getSimpleName()
                    .replace("Body", "").toLowerCase() + ": " + rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int cut = m.indexOf('\n');
        return cut < 0 ? m : m.substring(0, cut);
    }
}
