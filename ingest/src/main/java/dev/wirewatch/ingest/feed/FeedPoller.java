package dev.wirewatch.ingest.feed;

import dev.wirewatch.config.FeedSettings;
import dev.wirewatch.ingest.extract.ExtractedPage;
import dev.wirewatch.ingest.extract.PageExtractor;
import dev.wirewatch.ingest.extract.PageTypes;
import dev.wirewatch.ingest.politeness.HostGate;
import dev.wirewatch.ingest.politeness.RobotsCache;
import dev.wirewatch.ingest.fetch.FetchException;
import dev.wirewatch.ingest.fetch.Fetched;
import dev.wirewatch.ingest.fetch.HttpFetcher;
import dev.wirewatch.ingest.fetch.Validators;
import dev.wirewatch.ingest.identity.CanonicalUrls;
import dev.wirewatch.model.Article;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one feed: fetches it (conditionally, with the validators of the last good fetch, so an unchanged feed
 * costs a 304), parses it, then fetches and extracts each article it links to that has not been ingested yet. Every
 * request waits for its host's turn ({@link HostGate}); article pages are fetched only where robots.txt allows. A
 * page that cannot be fetched, or may not be, falls back to the feed entry's own text.
 *
 * <p>Thread safe; the set of already-ingested links (canonical URL ids) is shared by all feeds, so an article reached through
 * two feeds is fetched once.
 */
public final class FeedPoller {

    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

    /** What polling one feed yielded; {@code error} is null on success. */
    public record Poll(FeedSettings feed, List<Article> articles, List<PageFailure> pageFailures, long bytes,
                       String outcome, String error, int itemsSeen, java.time.Duration retryAfter) {
        public boolean failed() {
            return error != null;
        }
    }

    /** An article page that could not be fetched, and whether the feed's own text stood in for it. */
    public record PageFailure(String url, String outcome, String reason, boolean fellBack) {
    }

    private final HttpFetcher fetcher;
    private final RobotsCache robots;
    private final HostGate gate;
    private final FeedParser parser = new FeedParser();
    private final PageExtractor extractor = new PageExtractor();
    private final Clock clock;
    private final Set<String> ingested = ConcurrentHashMap.newKeySet();
    private final Map<String, Validators> validators = new ConcurrentHashMap<>();

    /** {@code robots} may be null to fetch pages regardless of robots.txt. */
    public FeedPoller(HttpFetcher fetcher, RobotsCache robots, HostGate gate, Clock clock) {
        this.fetcher = fetcher;
        this.robots = robots;
        this.gate = gate;
        this.clock = clock;
    }

    private Fetched politely(URI uri, java.time.Duration crawlDelay, HostGate.Request<Fetched, FetchException> fetch)
            throws FetchException {
        try {
            return gate.call(uri, crawlDelay, fetch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted", "interrupted while waiting for " + uri.getHost() + "'s turn");
        }
    }

    /** Polls {@code feed} once; never throws for a bad feed or page, it reports them in the result. */
    public Poll poll(FeedSettings feed) {
        URI feedUri;
        List<FeedItem> items;
        long bytes;
        try {
            feedUri = URI.create(feed.url().trim());
            URI target = feedUri;
            Fetched fetched = politely(target, null,
                    () -> fetcher.get(target, validators.getOrDefault(feed.url(), Validators.NONE)));
            if (fetched.notModified()) {
                return new Poll(feed, List.of(), List.of(), 0, "not-modified", null, 0, null);
            }
            bytes = fetched.body().length;
            items = parser.parse(fetched.body(), fetched.contentType(), fetched.uri());
            validators.put(feed.url(), fetched.validators()); // only once parsed: a broken feed is fetched in full again
        } catch (FetchException e) {
            return new Poll(feed, List.of(), List.of(), 0, e.outcome(), e.getMessage(), 0, e.retryAfter());
        } catch (FeedParseException e) {
            return new Poll(feed, List.of(), List.of(), 0, "malformed", e.getMessage(), 0, null);
        } catch (IllegalArgumentException e) {
            return new Poll(feed, List.of(), List.of(), 0, "invalid-url", "bad feed URL: " + e.getMessage(), 0,
                    null);
        }
        List<Article> articles = new ArrayList<>();
        List<PageFailure> failures = new ArrayList<>();
        for (FeedItem item : items) {
            String canonical = CanonicalUrls.canonicalize(item.link());
            if (!ingested.add(CanonicalUrls.linkId(item.link()))) {
                continue;
            }
            try {
                URI pageUri = URI.create(item.link());
                if (robots != null && !robots.allowed(pageUri)) {
                    failures.add(fallBack(feed, item, canonical, "robots-disallowed",
                            "robots.txt of " + pageUri.getHost() + " disallows " + pageUri.getPath(), articles));
                    continue;
                }
                Fetched page = politely(pageUri, robots == null ? null : robots.crawlDelay(pageUri),
                        () -> fetcher.get(pageUri));
                bytes += page.body().length;
                String notHtml = PageTypes.rejection(page.body(), page.contentType());
                if (notHtml != null) {
                    failures.add(fallBack(feed, item, canonical, "not-html", notHtml, articles));
                    continue;
                }
                Article article = fromPage(feed, item, page);
                if (article != null) {
                    articles.add(article);
                    continue;
                }
                failures.add(fallBack(feed, item, canonical, "empty", "no article text on the page", articles));
            } catch (FetchException e) {
                failures.add(fallBack(feed, item, canonical, e.outcome(), e.getMessage(), articles));
            } catch (IllegalArgumentException e) {
                failures.add(fallBack(feed, item, canonical, "invalid-url", e.getMessage(), articles));
            }
        }
        return new Poll(feed, articles, failures, bytes, "ok", null, items.size(), null);
    }

    /** Forgets that these articles' links were ingested, so the next poll tries them again (their write failed). */
    public void forget(java.util.Collection<Article> articles) {
        articles.forEach(a -> ingested.remove(CanonicalUrls.linkId(a.url())));
    }

    /** Remembers links ingested before this process started (ids as {@link CanonicalUrls#linkId}). */
    public void remember(java.util.Collection<String> linkIds) {
        ingested.addAll(linkIds);
    }

    private Article fromPage(FeedSettings feed, FeedItem item, Fetched page) {
        ExtractedPage extracted = extractor.extract(page.body(), page.contentType(), page.uri().toString());
        if (extracted.text().isBlank()) {
            return null;
        }
        String canonical = CanonicalUrls.canonicalize(
                extracted.canonicalUrl() != null ? extracted.canonicalUrl() : item.link());
        String title = extracted.title() != null ? extracted.title() : item.title();
        String author = extracted.author() != null ? extracted.author() : item.author();
        Instant published = item.publishedAt() != null ? item.publishedAt() : extracted.publishedAt();
        Instant now = clock.instant();
        return Article.of(item.link(), canonical, title, extracted.text(), feed.name(), feed.url(), author,
                extracted.language(), published != null ? published : now, now).withCategories(item.categories());
    }

    private PageFailure fallBack(FeedSettings feed, FeedItem item, String canonical, String outcome, String reason,
                                 List<Article> articles) {
        boolean usable = item.content() != null && !item.content().isBlank();
        LOG.warn("feed {}: article {} not fetched ({}){}", feed.name(), item.link(), reason,
                usable ? "; using the feed's own text" : "; skipped");
        if (usable) {
            Instant now = clock.instant();
            articles.add(Article.of(item.link(), canonical, item.title(), item.content(), feed.name(), feed.url(),
                    item.author(), null, item.publishedAt() != null ? item.publishedAt() : now, now)
                    .withCategories(item.categories()));
        } else {
            ingested.remove(CanonicalUrls.linkId(item.link())); // nothing was ingested; try again next poll
        }
        return new PageFailure(item.link(), outcome, reason, usable);
    }
}
